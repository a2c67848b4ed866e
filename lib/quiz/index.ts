export * from './types';
export { QUESTIONS, NOT_SURE, NOT_SURE_LABEL, getQuestion } from './questions';
export { WEIGHTS, MULTI_CAP, THRESHOLDS } from './weights';
export { score, answerProblem } from './score';
export { encodeAnswers, decodeAnswers, describeDropped, ANSWERS_PARAM } from './codec';
export type { Dropped, DecodedAnswers } from './codec';
export { generateAdr, RECOMMENDATION_TITLE, confidenceWords, eitherSentence, answeredSentence } from './adr';
export { SOURCES } from './sources';
export type { Source } from './sources';
