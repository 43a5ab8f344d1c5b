/** The abbreviation lexicon and an office's glossary: what staff's shorthand means, or what to ask them. */
export { defaultLexicon, type Lexicon } from './lexicon.js';
export { GlossarySchema, withAnswer, type Glossary, type GlossarySource } from './glossary.js';
export { findAbbreviations, expandAbbreviations, questionFor, type AbbreviationUse } from './resolve.js';
export { abbreviationsFor, openQuestions, type BriefAbbreviation, type AbbreviationPlace } from './brief.js';
export { knownNames } from './names.js';
