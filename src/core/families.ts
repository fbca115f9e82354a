/**
 * Registration point for the table families beyond the final-accounts set
 * (budget, performance, narrative). Each family module registers its templates
 * and rules when imported; the engine imports this file once.
 */
import "./families/perf";
import "./families/perfFacts";

export {};
import "./families/budget";
