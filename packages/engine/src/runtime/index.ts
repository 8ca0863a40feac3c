/** @formwork/engine/runtime: browser-safe, no ajv compiler. Evaluates templates from precompiled validators. */
export { canonicalJson } from '../canonical-json.js';
export { deadlines } from '../deadlines/deadlines.js';
export { evaluate } from '../evaluate/evaluate.js';
export { fieldTitle } from '../evaluate/plan.js';
export { prune } from '../evaluate/prune.js';
export { type SectionStages, sectionStages } from '../stages/section-stages.js';
export { sectionsForStage } from '../stages/sections-for-stage.js';
export type * from '../types.js';
export { loadsFromText } from './compiled-from-module.js';
export { loadPrecompiled } from './load-precompiled.js';
export { loadPrecompiledModule } from './load-precompiled-module.js';
export { runtimeModules } from './modules.js';
