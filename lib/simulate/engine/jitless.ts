// Imported first by the worker: zod must not probe for eval (a host's Content-Security-Policy may
// forbid it, and the probe would be reported as a violation). Nothing else to do here.
import { z } from 'zod';

z.config({ jitless: true });
