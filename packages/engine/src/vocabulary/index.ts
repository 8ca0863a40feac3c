/** Formwork's vocabulary (`x-within`, `x-sameDay`, `x-age`): ONE module that registers it into an Ajv2020. */
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { vocabularyKeywords } from './keywords.js';

export { vocabularyFunctions } from './functions.js';
export { VOCABULARY_MODULE, vocabularyKeywordNames, vocabularyKeywords } from './keywords.js';

export function registerVocabulary(ajv: Ajv2020): Ajv2020 {
  for (const keyword of vocabularyKeywords) ajv.addKeyword(keyword);
  return ajv;
}
