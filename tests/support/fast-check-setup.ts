// One fast-check setting for every property in the repository (npm test, the fidelity suite).
// `npm test` runs each property with the same fixed seed on every machine, so a commit passes or
// fails the same way everywhere. `npm run fuzz` sets FC_SEED=random and FC_RUNS_FACTOR to search
// further; a seed it prints replays with FC_SEED=<seed> (and the same FC_RUNS_FACTOR).
import fc from 'fast-check';
import { propertySettings } from './property';

fc.configureGlobal(propertySettings());
