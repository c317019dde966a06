import { sql, type Kysely } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { openSqliteTestStore, type DriverStore } from "../test-support/driver-stores.js";
import { BACKUP_TABLES, listDatabaseTables, NOT_BACKED_UP, unknownTables } from "./backup-tables.js";

let opened: DriverStore | undefined;
afterEach(async () => {
  await opened?.cleanup();
  opened = undefined;
});

describe("the list of tables a backup carries", () => {
  it("names every table the migrations create, so a new table cannot be left out of backups", async () => {
    opened = await openSqliteTestStore();
    const tables = await listDatabaseTables(opened.store.db as unknown as Kysely<unknown>, "sqlite");
    expect(unknownTables(tables)).toEqual([]);
    expect(BACKUP_TABLES.map((table) => table.name).sort()).toEqual(tables.filter((name) => !NOT_BACKED_UP.includes(name)));
  });

  it("puts every table after the tables its foreign keys point at", async () => {
    opened = await openSqliteTestStore();
    const db = opened.store.db as unknown as Kysely<unknown>;
    const position = new Map(BACKUP_TABLES.map((table, index) => [table.name, index]));
    for (const table of BACKUP_TABLES) {
      const references = (await sql<{ table: string }>`select * from pragma_foreign_key_list(${table.name})`.execute(db)).rows;
      for (const reference of references) expect(position.get(reference.table), `${table.name} → ${reference.table}`).toBeLessThan(position.get(table.name)!);
    }
  });

  it("orders each table by columns that exist in it", async () => {
    opened = await openSqliteTestStore();
    const db = opened.store.db as unknown as Kysely<unknown>;
    for (const table of BACKUP_TABLES) {
      const columns = (await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${table.name})`.execute(db)).rows;
      const primaryKey = columns.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk).map((column) => column.name);
      expect(table.key, table.name).toEqual(primaryKey);
    }
  });
});
