import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { newId } from "../keys/index.js";
import type { KyselyStore, WorkspaceRecord } from "../store/index.js";
import { UniqueViolationError } from "../store/index.js";
import type { Database } from "../store/schema.js";
import { ContextItemStore } from "./context-item-store.js";
import { normalizePromptFields } from "./prompt-fields.js";
import type { PromptRecord } from "./prompt-records.js";
import { PromptService } from "./prompt-service.js";
import { DRAFT_VERSION, PromptStore } from "./prompt-store.js";
import { loadOrCreateServerSecret } from "./server-secrets.js";

/** A migrated store on one driver (test-support/driver-stores.ts opens them), and how to throw it away. */
export interface PromptStoreUnderTest {
  store: KyselyStore;
  cleanup(): Promise<void>;
}

/** The registry's storage behaviour, run against every driver by its own test file. */
export function describePromptStoreConformance(driver: string, open: () => Promise<PromptStoreUnderTest | null>): void {
  describe(`prompt store on ${driver}`, () => {
    let subject: PromptStoreUnderTest | null;
    let db: Kysely<Database>;
    let prompts: PromptStore;
    let items: ContextItemStore;
    let service: PromptService;
    let workspace: WorkspaceRecord;
    let clock: number;

    async function addWorkspace(slug: string): Promise<WorkspaceRecord> {
      const record: WorkspaceRecord = { id: newId("ws"), slug, name: slug, visibility: "private", subscriptionStatus: "active", plan: "free", createdAt: 1 };
      await subject!.store.createWorkspace(record);
      return record;
    }

    function promptRecord(slug: string, createdAt = clock): PromptRecord {
      return { id: newId("pr"), workspaceId: workspace.id, slug, createdAt, latestVersion: 0, draftRevision: 1, publishedRevision: 0 };
    }

    /** A prompt id with its workspace, as the store takes it. */
    function owned(id: string): Pick<PromptRecord, "id" | "workspaceId"> {
      return { id, workspaceId: workspace.id };
    }

    async function versionsOf(promptId: string): Promise<number[]> {
      const rows = await db.selectFrom("prompt_versions").select("version").where("prompt_id", "=", promptId).orderBy("version").execute();
      return rows.map((row) => Number(row.version));
    }

    beforeEach(async (context) => {
      subject = await open();
      if (!subject) return context.skip();
      db = subject.store.db;
      prompts = new PromptStore(db);
      items = new ContextItemStore(db);
      clock = 1_700_000_000_000;
      service = new PromptService(prompts, items, subject.store, () => clock);
      workspace = await addWorkspace(`acme-${Math.random().toString(36).slice(2, 8)}`);
    });

    afterEach(async () => {
      await subject?.cleanup();
    });

    it("stores a draft and reads every field back", async () => {
      const prompt = promptRecord("welcome");
      const fields = normalizePromptFields({
        title: "Welcome",
        content: "Hi {{name}}",
        systemPrompt: "Be kind",
        critiquePrompt: "Was it kind?",
        description: "Greets",
        category: "onboarding",
        tags: ["a", "b"],
      });
      await prompts.insertPrompt(prompt, fields);
      await expect(prompts.findPrompt(workspace.id, "welcome")).resolves.toEqual(prompt);
      await expect(prompts.findVersion(prompt.id, DRAFT_VERSION)).resolves.toEqual({
        ...fields,
        promptId: prompt.id,
        version: 0,
        createdAt: clock,
        updatedAt: clock,
        publishedAt: null,
      });
    });

    it("refuses a second prompt with the same slug in a workspace, but not in another", async () => {
      const fields = normalizePromptFields({ title: "T", content: "C" });
      await prompts.insertPrompt(promptRecord("welcome"), fields);
      await expect(prompts.insertPrompt(promptRecord("welcome"), fields)).rejects.toBeInstanceOf(UniqueViolationError);
      const other = await addWorkspace(`other-${Math.random().toString(36).slice(2, 8)}`);
      await expect(prompts.insertPrompt({ ...promptRecord("welcome"), workspaceId: other.id }, fields)).resolves.toBeUndefined();
    });

    it("publishes the draft as v1, then nothing until the draft changes, then v2", async () => {
      const created = await service.create(workspace.id, { slug: "welcome", title: "T", content: "one" });
      await expect(prompts.publishDraft(created.id, clock)).resolves.toBe(1);
      await expect(prompts.publishDraft(created.id, clock)).resolves.toBeNull();
      await service.updateDraft(workspace.id, "welcome", { content: "two" });
      await expect(prompts.publishDraft(created.id, clock)).resolves.toBe(2);
      await expect(versionsOf(created.id)).resolves.toEqual([0, 1, 2]);
    });

    it("keeps a published version as it was when the draft changes", async () => {
      await service.create(workspace.id, { slug: "welcome", title: "Old", content: "old", tags: ["x"] });
      await service.publish(workspace.id, "welcome");
      await service.updateDraft(workspace.id, "welcome", { title: "New", content: "new", tags: [] });
      const v1 = await service.getForWorkspace(workspace.id, `@${workspace.slug}/welcome:v1`);
      expect(v1).toMatchObject({ title: "Old", content: "old", tags: ["x"], version: "v1" });
      await expect(service.getDraft(workspace.id, "welcome")).resolves.toMatchObject({ title: "New", content: "new", version: "v0" });
    });

    it("does not count an edit that changes nothing as a change", async () => {
      await service.create(workspace.id, { slug: "welcome", title: "T", content: "C" });
      await service.publish(workspace.id, "welcome");
      const update = await service.updateDraft(workspace.id, "welcome", { title: " T ", content: "C" });
      expect(update.changed).toBe(false);
      await expect(service.publish(workspace.id, "welcome")).rejects.toMatchObject({ code: "conflict" });
    });

    it("publishes one version when two publishes of the same draft race", async () => {
      const created = await service.create(workspace.id, { slug: "welcome", title: "T", content: "C" });
      const results = await Promise.all([prompts.publishDraft(created.id, clock), prompts.publishDraft(created.id, clock)]);
      expect(results.sort()).toEqual([1, null]);
      await expect(versionsOf(created.id)).resolves.toEqual([0, 1]);
    });

    it("never gives two rows the same number when eight publishes race across edits", async () => {
      const created = await service.create(workspace.id, { slug: "welcome", title: "T", content: "C" });
      const racers = Array.from({ length: 8 }, async (_, i) => {
        await service.updateDraft(workspace.id, "welcome", { content: `edit ${i}` });
        return prompts.publishDraft(created.id, clock);
      });
      const published = (await Promise.all(racers)).filter((v): v is number => v !== null);
      const versions = await versionsOf(created.id);
      expect(new Set(published).size).toBe(published.length);
      expect(versions).toEqual([0, ...published.sort((a, b) => a - b)]);
      expect(versions.at(-1)).toBe(published.length);
    });

    it("copies context items into the published version under new ids, sharing the file bytes", async () => {
      const created = await service.create(workspace.id, { slug: "welcome", title: "T", content: "C" });
      const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
      const file = await items.addDraftContextItem(owned(created.id), { type: "file", label: "All bytes", fileName: "bytes.bin", mimeType: "application/octet-stream", bytes }, clock, 50);
      const link = await items.addDraftContextItem(owned(created.id), { type: "url", label: "Docs", url: "https://acme.dev" }, clock, 50);
      expect(file).not.toBeNull();
      expect(link).not.toBeNull();
      await prompts.publishDraft(created.id, clock);
      const published = await items.listContextItems([{ promptId: created.id, version: 1 }]);
      expect(published.map((item) => item.type)).toEqual(["file", "url"]);
      expect(published.map((item) => item.id)).not.toContain(file!.id);
      const files = await db.selectFrom("prompt_files").select("sha256").where("workspace_id", "=", workspace.id).execute();
      expect(files).toHaveLength(1);
      const copy = published[0]!;
      expect(copy.type === "file" && (await items.readFile(workspace.id, copy.fileSha256))).toEqual(bytes);
    });

    it("keeps a file while a published version uses it, and deletes it with its last item", async () => {
      const created = await service.create(workspace.id, { slug: "welcome", title: "T", content: "C" });
      const item = await items.addDraftContextItem(owned(created.id), { type: "file", label: "f", fileName: "f.txt", mimeType: "text/plain", bytes: Buffer.from("hello") }, clock, 50);
      await prompts.publishDraft(created.id, clock);
      await expect(items.removeDraftContextItem(created.id, item!.id)).resolves.toBe(true);
      const countFiles = async () => (await db.selectFrom("prompt_files").select("sha256").where("workspace_id", "=", workspace.id).execute()).length;
      await expect(countFiles()).resolves.toBe(1);
      await db.deleteFrom("prompt_context_items").where("prompt_id", "=", created.id).where("version", "=", 1).execute();
      const again = await items.addDraftContextItem(owned(created.id), { type: "file", label: "f", fileName: "f.txt", mimeType: "text/plain", bytes: Buffer.from("hello") }, clock, 50);
      await expect(items.removeDraftContextItem(created.id, again!.id)).resolves.toBe(true);
      await expect(countFiles()).resolves.toBe(0);
    });

    it("counts adding and removing context items as changes to the draft", async () => {
      const created = await service.create(workspace.id, { slug: "welcome", title: "T", content: "C" });
      await service.publish(workspace.id, "welcome");
      const item = await items.addDraftContextItem(owned(created.id), { type: "url", label: "Docs", url: "https://acme.dev" }, clock, 50);
      await expect(prompts.publishDraft(created.id, clock)).resolves.toBe(2);
      await items.removeDraftContextItem(created.id, item!.id);
      await expect(prompts.publishDraft(created.id, clock)).resolves.toBe(3);
      await expect(items.removeDraftContextItem(created.id, item!.id)).resolves.toBe(false);
      await expect(prompts.publishDraft(created.id, clock)).resolves.toBeNull();
    });

    it("refuses a context item beyond the limit", async () => {
      const created = await service.create(workspace.id, { slug: "welcome", title: "T", content: "C" });
      await items.addDraftContextItem(owned(created.id), { type: "url", label: "1", url: "https://a.dev" }, clock, 2);
      await items.addDraftContextItem(owned(created.id), { type: "url", label: "2", url: "https://b.dev" }, clock, 2);
      await expect(items.addDraftContextItem(owned(created.id), { type: "url", label: "3", url: "https://c.dev" }, clock, 2)).resolves.toBeNull();
    });

    it("lists newest first, each prompt at its latest published version or its draft", async () => {
      await service.create(workspace.id, { slug: "old", title: "Old", content: "C" });
      await service.publish(workspace.id, "old");
      await service.updateDraft(workspace.id, "old", { title: "Old draft" });
      clock += 1;
      await service.create(workspace.id, { slug: "new", title: "New", content: "C" });
      const page = await service.list(workspace.id);
      expect(page.prompts.map((p) => [p.slug, p.version, p.title])).toEqual([
        ["new", "v0", "New"],
        ["old", "v1", "Old"],
      ]);
      expect(page).toMatchObject({ hasMore: false, cursor: null });
    });

    it("pages by cursor without skipping or repeating, even when prompts are added between pages", async () => {
      for (let i = 0; i < 5; i++) {
        // Two prompts per millisecond: the id breaks the tie.
        clock = 1_700_000_000_000 + Math.floor(i / 2);
        await service.create(workspace.id, { slug: `p${i}`, title: `P${i}`, content: "C" });
      }
      const first = await service.list(workspace.id, { limit: 2 });
      clock = 1_800_000_000_000;
      await service.create(workspace.id, { slug: "late", title: "Late", content: "C" });
      const second = await service.list(workspace.id, { limit: 2, cursor: first.cursor! });
      const third = await service.list(workspace.id, { limit: 2, cursor: second.cursor! });
      const seen = [...first.prompts, ...second.prompts, ...third.prompts].map((p) => p.slug);
      expect(seen.sort()).toEqual(["p0", "p1", "p2", "p3", "p4"]);
      expect(third.hasMore).toBe(false);
    });

    it("lists only the workspace's own prompts", async () => {
      const other = await addWorkspace(`other-${Math.random().toString(36).slice(2, 8)}`);
      await service.create(other.id, { slug: "secret", title: "Secret", content: "C" });
      await expect(service.list(workspace.id)).resolves.toMatchObject({ prompts: [] });
    });

    it("creates the server secret once, even when asked twice at once", async () => {
      let generated = 0;
      const generate = () => `secret-${++generated}`;
      const [a, b] = await Promise.all([loadOrCreateServerSecret(db, "test", generate, clock), loadOrCreateServerSecret(db, "test", generate, clock)]);
      expect(a).toBe(b);
      await expect(loadOrCreateServerSecret(db, "test", generate, clock)).resolves.toBe(a);
    });
  });
}
