import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, readMigrations, withMigrationLock } from "../../../src/db/migrate.ts";
import { prepareDatabase } from "../../../src/db/prepare.ts";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database.ts";

let testDatabase: TestDatabase | undefined;
afterEach(async () => {
  await testDatabase?.drop();
  testDatabase = undefined;
});

async function recorded(t: TestDatabase) {
  return t.database.withConnection((c) =>
    c.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
    }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    ),
  );
}

describe("migration runner", () => {
  it("applies every migration to a fresh database and records it as prisma migrate deploy does", async () => {
    testDatabase = await createTestDatabase({ empty: true });
    const migrations = await readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    const report = await prepareDatabase(testDatabase.database);
    expect(report.applied).toEqual(migrations.map((m) => m.name));
    const rows = await recorded(testDatabase);
    expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(
        createHash("sha256")
          .update(migrations[i]?.sql ?? "")
          .digest("hex"),
      );
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    // The schema is really there: Prisma can use it.
    expect(await testDatabase.database.prisma.user.count()).toBe(0);
  });

  it("is a no-op when run again", async () => {
    testDatabase = await createTestDatabase({ empty: true });
    await prepareDatabase(testDatabase.database);
    const again = await prepareDatabase(testDatabase.database);
    expect(again).toEqual({ applied: [], modified: [] });
    expect(await recorded(testDatabase)).toHaveLength((await readMigrations()).length);
  });

  it("lets two runners starting together apply each migration once", async () => {
    testDatabase = await createTestDatabase({ empty: true });
    const second = await testDatabase.open();
    let seeded = 0;
    const seed = async () => {
      seeded += 1;
    };
    const [a, b] = await Promise.all([
      prepareDatabase(testDatabase.database, { seed }),
      prepareDatabase(second, { seed }),
    ]);
    const names = (await readMigrations()).map((m) => m.name);
    expect([...a.applied, ...b.applied].sort()).toEqual(names);
    expect(seeded).toBe(2);
    expect(await recorded(testDatabase)).toHaveLength(names.length);
  });

  it("rolls a failing migration back whole and records nothing", async () => {
    testDatabase = await createTestDatabase({ empty: true });
    const bad = {
      name: "20990101000000_bad",
      sql: "CREATE TABLE half_done (id int);\nSELECT no_such_column FROM half_done;",
      checksum: "x",
    };
    await expect(
      testDatabase.database.withConnection((c) => withMigrationLock(c, () => applyMigrations(c, [bad]))),
    ).rejects.toThrow(/20990101000000_bad failed/);
    const tables = await testDatabase.database.withConnection((c) =>
      c.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`),
    );
    expect(tables).toHaveLength(0);
    expect(await recorded(testDatabase)).toHaveLength(0);
  });

  it("reports an applied migration whose file changed since", async () => {
    testDatabase = await createTestDatabase({ empty: true });
    const [first] = await readMigrations();
    if (!first) throw new Error("no migrations");
    await testDatabase.database.withConnection((c) =>
      withMigrationLock(c, () => applyMigrations(c, [first])),
    );
    const changed = { ...first, checksum: "0".repeat(64) };
    const report = await testDatabase.database.withConnection((c) => applyMigrations(c, [changed]));
    expect(report).toEqual({ applied: [], modified: [first.name] });
  });
});
