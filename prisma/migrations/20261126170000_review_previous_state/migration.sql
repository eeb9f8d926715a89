-- AlterTable
ALTER TABLE "review_logs" ADD COLUMN     "previousState" "CardState" NOT NULL;

-- CreateIndex
CREATE INDEX "review_logs_userId_previousState_reviewedAt_idx" ON "review_logs"("userId", "previousState", "reviewedAt");

