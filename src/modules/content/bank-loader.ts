// Reads the bundled corpus from seed/: documents (seed/docs/*.md), topics (seed/topics.yaml) and
// the curated questions (seed/questions/*.yaml). Every entry is validated by zod; a bad one fails
// with its file, its question slug and the field named.
import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { type QuestionInput, questionInputSchema } from "../../domain/questions/question-spec.ts";

export const SEED_DIR = fileURLToPath(new URL("../../../seed", import.meta.url));

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lower-case slug");

const topicsFile = z.array(z.strictObject({ slug, name: z.string().trim().min(1).max(100) }));

const questionsFile = z.strictObject({
  document: slug,
  questions: z.array(z.looseObject({ slug, section: slug })).min(1),
});

export type BankQuestion = QuestionInput & { slug: string; section: string; document: string };

export interface SeedDocument {
  slug: string;
  markdown: string;
}

export interface Bank {
  documents: SeedDocument[];
  topics: z.infer<typeof topicsFile>;
  questions: BankQuestion[];
}

export class BankError extends Error {
  override name = "BankError";
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
}

async function readYaml(file: string): Promise<unknown> {
  try {
    return parseYaml(await readFile(file, "utf8"));
  } catch (error) {
    throw new BankError(`${file}: not valid YAML: ${(error as Error).message}`);
  }
}

export async function loadBank(dir = SEED_DIR): Promise<Bank> {
  const docsDir = join(dir, "docs");
  const documents = await Promise.all(
    (await readdir(docsDir))
      .filter((f) => f.endsWith(".md"))
      .sort()
      .map(async (f) => ({ slug: basename(f, ".md"), markdown: await readFile(join(docsDir, f), "utf8") })),
  );

  const topicsPath = join(dir, "topics.yaml");
  const topics = topicsFile.safeParse(await readYaml(topicsPath));
  if (!topics.success) throw new BankError(`${topicsPath}: ${describeIssues(topics.error)}`);
  const topicSlugs = new Set(topics.data.map((t) => t.slug));

  const questionsDir = join(dir, "questions");
  const questions: BankQuestion[] = [];
  const seen = new Map<string, string>();
  for (const name of (await readdir(questionsDir)).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    const file = join(questionsDir, name);
    const parsedFile = questionsFile.safeParse(await readYaml(file));
    if (!parsedFile.success) throw new BankError(`${file}: ${describeIssues(parsedFile.error)}`);
    const { document, questions: entries } = parsedFile.data;
    if (!documents.some((d) => d.slug === document)) {
      throw new BankError(`${file}: document "${document}" is not in ${docsDir}`);
    }
    for (const entry of entries) {
      const { slug: questionSlug, section, ...rest } = entry;
      const where = `${file}: question "${questionSlug}"`;
      const earlier = seen.get(questionSlug);
      if (earlier) throw new BankError(`${where}: slug already used in ${earlier}`);
      seen.set(questionSlug, file);
      const parsed = questionInputSchema.safeParse(rest);
      if (!parsed.success) throw new BankError(`${where}: ${describeIssues(parsed.error)}`);
      const unknownTopic = parsed.data.topics.find((t) => !topicSlugs.has(t));
      if (unknownTopic) throw new BankError(`${where}: topics: "${unknownTopic}" is not in ${topicsPath}`);
      questions.push({ ...parsed.data, slug: questionSlug, section, document });
    }
  }
  return { documents, topics: topics.data, questions };
}
