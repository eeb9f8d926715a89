import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { questionTypes } from "../../../src/domain/questions/question-spec.ts";
import { seedContent } from "../../../src/modules/content/seed-content.ts";
import { bearer, buildTestApp, registerUser, type TestApp } from "../../helpers/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ seed: async (db) => void (await seedContent(db)) });
});
afterAll(async () => {
  await t.close();
});

interface View {
  id: string;
  type: string;
  prompt: string;
  difficulty: string;
  topics: string[];
  origin: string;
  source: { document: string; anchor: string; heading: string } | null;
  choices?: { id: string; text: string }[];
  items?: { id: string; text: string }[];
}

async function getJson(url: string, headers: Record<string, string> = {}) {
  const response = await t.app.inject({ method: "GET", url, headers });
  return { status: response.statusCode, body: response.json() };
}

async function pageThrough(query: string, limit = 13): Promise<View[]> {
  const all: View[] = [];
  let cursor: string | null = null;
  do {
    const sep = query ? "&" : "";
    const { status, body } = await getJson(
      `/v1/questions?${query}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    expect(status).toBe(200);
    expect(body.items.length).toBeLessThanOrEqual(limit);
    all.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return all;
}

const ALLOWED_KEYS = new Set([
  "id",
  "type",
  "prompt",
  "difficulty",
  "topics",
  "source",
  "origin",
  "choices",
  "items",
  "code",
  "blanks",
]);

describe("GET /v1/questions", () => {
  it("pages through the whole bank: at least 40 curated questions of all eight types, no duplicates", async () => {
    const all = await pageThrough("");
    const ids = all.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(
      await t.app.db.question.count({ where: { status: "published", visibility: "public" } }),
    );
    const curated = all.filter((q) => q.origin === "curated");
    expect(curated.length).toBeGreaterThanOrEqual(40);
    expect(new Set(curated.map((q) => q.type))).toEqual(new Set(questionTypes));
    expect(all.some((q) => q.origin === "generated")).toBe(true);
  });

  it("every question cites a section that GET /v1/documents/:slug returns", async () => {
    const all = await pageThrough("", 100);
    const documents = new Map<string, Set<string>>();
    for (const q of all) {
      expect(q.source).not.toBeNull();
      if (!q.source) continue;
      if (!documents.has(q.source.document)) {
        const { status, body } = await getJson(`/v1/documents/${q.source.document}`);
        expect(status).toBe(200);
        documents.set(q.source.document, new Set(body.sections.map((s: { anchor: string }) => s.anchor)));
      }
      expect(documents.get(q.source.document)?.has(q.source.anchor), `${q.id} cites ${q.source.anchor}`).toBe(
        true,
      );
    }
  });

  it("never shows an answer, accepted answers, a rubric or which choice is right", async () => {
    const all = await pageThrough("", 100);
    const keys = await t.app.db.question.findMany({
      where: { status: "published" },
      select: { id: true, answerKey: true },
    });
    const keyById = new Map(keys.map((k) => [k.id, k.answerKey as Record<string, unknown>]));
    for (const q of all) {
      for (const key of Object.keys(q)) expect(ALLOWED_KEYS.has(key), `${q.type} ${key}`).toBe(true);
      const single = (await getJson(`/v1/questions/${q.id}`)).body;
      for (const key of Object.keys(single)) expect(ALLOWED_KEYS.has(key)).toBe(true);
      const text = JSON.stringify(single);
      expect(text).not.toMatch(/"(correct|answer|accepted|rubric|answerKey|keyPoints|explanation)"/);
      const key = keyById.get(q.id);
      if (q.choices) {
        // Ids are opaque: not positions, not letters, not "correct".
        for (const c of q.choices) expect(c.id).toMatch(/^[A-Za-z0-9_-]{8,}$/);
        expect(q.choices.map((c) => c.id)).toEqual([...q.choices.map((c) => c.id)].sort());
      }
      if (q.items && key?.order) {
        expect(q.items.map((i) => i.id)).toEqual([...q.items.map((i) => i.id)].sort());
      }
    }
    // Served order says nothing: across ordering questions, the served order is not the right one.
    const orderings = all.filter((q) => q.type === "ordering");
    const servedRight = orderings.filter((q) => {
      const order = keyById.get(q.id)?.order as string[] | undefined;
      return JSON.stringify(q.items?.map((i) => i.id)) === JSON.stringify(order);
    });
    expect(servedRight.length).toBeLessThan(orderings.length);
  });

  it.each([
    ["topic=gil", (q: View) => q.topics.includes("gil")],
    ["type=cloze", (q: View) => q.type === "cloze"],
    ["difficulty=hard", (q: View) => q.difficulty === "hard"],
    [
      "document=asyncio-threading-multiprocessing",
      (q: View) => q.source?.document === "asyncio-threading-multiprocessing",
    ],
    [
      "topic=event-loop&type=single_choice",
      (q: View) => q.topics.includes("event-loop") && q.type === "single_choice",
    ],
  ])("filters by %s", async (query, matches) => {
    const found = await pageThrough(query, 7);
    expect(found.length).toBeGreaterThan(0);
    for (const q of found) expect(matches(q)).toBe(true);
    const everything = await pageThrough("", 100);
    expect(found.length).toBe(everything.filter(matches).length);
  });

  it("searches prompts with PostgreSQL full-text search", async () => {
    const gil = await pageThrough("q=interpreter%20lock", 50);
    expect(gil.length).toBeGreaterThan(0);
    for (const q of gil) expect(q.prompt.toLowerCase()).toMatch(/interpret|lock|gil/);
    // Stemming: "coroutines" finds "coroutine".
    const stemmed = await pageThrough("q=coroutines", 50);
    expect(stemmed.some((q) => /coroutine\b/i.test(q.prompt))).toBe(true);
    expect((await getJson("/v1/questions?q=xylophonequartz")).body).toEqual({ items: [], nextCursor: null });
    // websearch syntax is accepted, never a 5xx.
    for (const q of ['"event loop"', "gil -thread", "or", "!!!", "(((", "'"]) {
      expect((await getJson(`/v1/questions?q=${encodeURIComponent(q)}`)).status).toBe(200);
    }
  });

  it("keeps paging free of duplicates and gaps while questions are added", async () => {
    const first = (await getJson("/v1/questions?limit=10")).body;
    const before = await t.app.db.question.count({ where: { status: "published", visibility: "public" } });
    const template = await t.app.db.question.findFirstOrThrow({ where: { type: "true_false" } });
    for (let i = 0; i < 5; i += 1) {
      await t.app.db.question.create({
        data: {
          type: "true_false",
          prompt: `Added while paging ${i}`,
          difficulty: "easy",
          payload: {},
          answerKey: { answer: true },
          origin: "custom",
          documentId: template.documentId,
          sectionId: template.sectionId,
        },
      });
    }
    const rest: View[] = [];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = (await getJson(`/v1/questions?limit=10&cursor=${encodeURIComponent(cursor)}`)).body;
      rest.push(...page.items);
      cursor = page.nextCursor;
    }
    const ids = [...first.items, ...rest].map((q: View) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(before + 5);
  });

  it.each([
    ["limit=0"],
    ["limit=101"],
    ["limit=abc"],
    ["type=essay"],
    ["difficulty=impossible"],
    ["cursor=not-a-cursor"],
    ["mine=maybe"],
  ])("rejects %s with 400", async (query) => {
    const { status, body } = await getJson(`/v1/questions?${query}`);
    expect(status).toBe(400);
    expect(body.errors.length).toBeGreaterThan(0);
  });

  it("404s an unknown question id", async () => {
    expect((await getJson("/v1/questions/nope")).status).toBe(404);
  });

  it("mine=true needs a token and lists only the caller's questions", async () => {
    expect((await getJson("/v1/questions?mine=true")).status).toBe(401);
    const session = await registerUser(t.app);
    const { status, body } = await getJson("/v1/questions?mine=true", bearer(session.accessToken));
    expect(status).toBe(200);
    expect(body.items).toEqual([]);
  });
});

describe("documents and topics", () => {
  it("lists the bundled document with its counts", async () => {
    const { status, body } = await getJson("/v1/documents");
    expect(status).toBe(200);
    const doc = body.items.find((d: { slug: string }) => d.slug === "asyncio-threading-multiprocessing");
    expect(doc).toMatchObject({ title: "AsyncIO, Threading and Multiprocessing", status: "published" });
    expect(doc.sectionCount).toBeGreaterThanOrEqual(13);
    expect(doc.questionCount).toBeGreaterThanOrEqual(80);
  });

  it("returns sections with stable anchors, headings, levels and markdown", async () => {
    const { body } = await getJson("/v1/documents/asyncio-threading-multiprocessing");
    const anchors = body.sections.map((s: { anchor: string }) => s.anchor);
    for (const anchor of [
      "process",
      "thread",
      "coroutines",
      "event-loop",
      "tasks",
      "awaitable",
      "future",
      "explain-global-interpreter-lock-gil-in-python",
    ]) {
      expect(anchors).toContain(anchor);
    }
    const future = body.sections.find((s: { anchor: string }) => s.anchor === "future");
    expect(future.markdown).toContain("loop.create_future()");
    expect((await getJson("/v1/documents/nope")).status).toBe(404);
  });

  it("lists topics with question counts", async () => {
    const { body } = await getJson("/v1/topics?limit=100");
    const gil = body.items.find((t: { slug: string }) => t.slug === "gil");
    expect(gil.questionCount).toBeGreaterThan(0);
    expect(gil.questionCount).toBe((await pageThrough("topic=gil", 100)).length);
  });
});
