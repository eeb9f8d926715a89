import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, buildTestApp, registerUser, type TestApp } from "../../helpers/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const NOTE = `# Rust ownership

## What is ownership?

Ownership is **a set of rules** that govern how a Rust program manages memory. Each value has a single *owner* at a time.

## Borrowing

A reference lets you use a value without taking ownership. References are \`&T\` for shared borrows and \`&mut T\` for exclusive ones.

## Lifetimes

Lifetimes describe how long references are valid. The compiler checks them with the **borrow checker** before the program runs.

## Moves

Assigning a value to another variable moves it, and the old variable can no longer be used.
`;

function importDocument(token: string | undefined, payload: object) {
  return t.app.inject({
    method: "POST",
    url: "/v1/documents",
    headers: token ? bearer(token) : {},
    payload,
  });
}

describe("POST /v1/documents", () => {
  it("stores the document and its generated questions as drafts only the uploader sees, until published", async () => {
    const owner = await registerUser(t.app, { role: "recruiter" });
    const other = await registerUser(t.app, { role: "recruiter" });
    const created = await importDocument(owner.accessToken, { markdown: NOTE });
    expect(created.statusCode).toBe(201);
    const doc = created.json();
    expect(doc).toMatchObject({ slug: "rust-ownership", title: "Rust ownership", status: "draft" });
    expect(doc.questionCount).toBeGreaterThan(0);

    const mine = await t.app.inject({
      method: "GET",
      url: "/v1/questions?mine=true&limit=100",
      headers: bearer(owner.accessToken),
    });
    expect(mine.json().items).toHaveLength(doc.questionCount);
    const someId = mine.json().items[0].id;

    // Nobody else sees the draft: not the document, not its questions.
    expect(
      (
        await t.app.inject({
          method: "GET",
          url: "/v1/documents/rust-ownership",
          headers: bearer(other.accessToken),
        })
      ).statusCode,
    ).toBe(404);
    expect((await t.app.inject({ method: "GET", url: "/v1/documents/rust-ownership" })).statusCode).toBe(404);
    expect(
      (
        await t.app.inject({
          method: "GET",
          url: `/v1/questions/${someId}`,
          headers: bearer(other.accessToken),
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: "GET", url: "/v1/questions?document=rust-ownership" })).json().items,
    ).toEqual([]);
    expect(
      (
        await t.app.inject({
          method: "GET",
          url: "/v1/documents/rust-ownership",
          headers: bearer(owner.accessToken),
        })
      ).statusCode,
    ).toBe(200);

    // Another recruiter cannot publish it.
    const stolen = await t.app.inject({
      method: "POST",
      url: "/v1/documents/rust-ownership/publish",
      headers: bearer(other.accessToken),
    });
    expect(stolen.statusCode).toBe(404);

    const published = await t.app.inject({
      method: "POST",
      url: "/v1/documents/rust-ownership/publish",
      headers: bearer(owner.accessToken),
    });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: "published", questionCount: doc.questionCount });
    const visible = await t.app.inject({
      method: "GET",
      url: "/v1/questions?document=rust-ownership&limit=100",
    });
    expect(visible.json().items).toHaveLength(doc.questionCount);
    expect((await t.app.inject({ method: "GET", url: `/v1/questions/${someId}` })).statusCode).toBe(200);
  });

  it("keeps slugs unique: a second upload with the same title gets a suffix, an explicit taken slug is 409", async () => {
    const owner = await registerUser(t.app, { role: "recruiter" });
    const a = await importDocument(owner.accessToken, { markdown: "# Same title\n\nSome text here." });
    const b = await importDocument(owner.accessToken, { markdown: "# Same title\n\nOther text here." });
    expect(a.json().slug).toBe("same-title");
    expect(b.json().slug).toBe("same-title-2");
    const taken = await importDocument(owner.accessToken, { markdown: "# X", slug: "same-title" });
    expect(taken.statusCode).toBe(409);
  });

  it.each([
    ["no headings", "just a paragraph of text, nothing else."],
    ["raw HTML", "<div><script>alert(1)</script><b>Bold</b> <img src=missing.png></div>\n\n# T\n\ntext"],
    ["deep nesting", `${">".repeat(2000)} deep`],
    ["only whitespace headings", "#\n\n##   \n\ntext"],
  ])("accepts hostile markdown (%s) without a 5xx", async (_name, markdown) => {
    const owner = await registerUser(t.app, { role: "recruiter" });
    const response = await importDocument(owner.accessToken, { markdown });
    expect(response.statusCode).toBe(201);
  });

  it("refuses more than 1 MiB of markdown with 413 and stores nothing", async () => {
    const owner = await registerUser(t.app, { role: "recruiter" });
    const before = await t.app.db.document.count();
    const response = await importDocument(owner.accessToken, {
      markdown: `# Big\n\n${"a".repeat(1024 * 1024)}`,
    });
    expect(response.statusCode).toBe(413);
    expect(await t.app.db.document.count()).toBe(before);
  });

  it("refuses NUL characters (400) and more than 1,000 sections (422), storing nothing", async () => {
    const owner = await registerUser(t.app, { role: "recruiter" });
    const before = await t.app.db.document.count();
    const nul = await importDocument(owner.accessToken, { markdown: "# T\n\nnul \u0000 here" });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().errors[0].path).toBe("body.markdown");
    const many = await importDocument(owner.accessToken, { markdown: "# Heading\n\n".repeat(1001) });
    expect(many.statusCode).toBe(422);
    expect(await t.app.db.document.count()).toBe(before);
  });

  it("is for recruiters and admins: learners get 403, anonymous callers 401", async () => {
    const learner = await registerUser(t.app);
    expect((await importDocument(learner.accessToken, { markdown: NOTE })).statusCode).toBe(403);
    expect((await importDocument(undefined, { markdown: NOTE })).statusCode).toBe(401);
  });

  it("validates the body", async () => {
    const owner = await registerUser(t.app, { role: "recruiter" });
    const response = await importDocument(owner.accessToken, { markdown: "", slug: "Bad Slug" });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(["body.markdown", "body.slug"]);
  });
});
