// Reading the bank: a topic filter and a full-text search.
import type { Scenario } from "./scenarios.ts";

export const contentScenarios: Scenario[] = [
  { name: "GET /v1/questions?topic=gil", setup: async (t) => ({ url: `${t.app}/v1/questions?topic=gil` }) },
  {
    name: "GET /v1/questions?q=event loop",
    setup: async (t) => ({ url: `${t.app}/v1/questions?q=${encodeURIComponent("event loop")}` }),
  },
];
