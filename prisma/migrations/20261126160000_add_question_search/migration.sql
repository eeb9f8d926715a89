-- AlterTable
ALTER TABLE "questions" ADD COLUMN     "contentHash" TEXT;

-- A generated column, which Prisma's schema language cannot express (it is declared there as
-- Unsupported("tsvector") with a dbgenerated default, so schema diffs stay quiet). Written by hand.
ALTER TABLE "questions" ADD COLUMN "search" tsvector
  GENERATED ALWAYS AS (to_tsvector('english'::regconfig, prompt)) STORED;

-- CreateIndex
CREATE INDEX "questions_search_idx" ON "questions" USING GIN ("search");
