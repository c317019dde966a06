import { ApiError } from "../errors/index.js";
import { newId } from "../keys/index.js";
import { UniqueViolationError, type Store, type WorkspaceRecord } from "../store/index.js";

const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/** Checks a workspace slug: 1–40 lower-case letters, digits and inner hyphens. */
export function validateWorkspaceSlug(slug: string): string {
  if (!SLUG_PATTERN.test(slug)) {
    throw new ApiError("validation_error", {
      message: "slug must be 1-40 lower-case letters, digits or hyphens, starting and ending with a letter or digit",
      details: [{ field: "slug", message: "is invalid" }],
    });
  }
  return slug;
}

export class WorkspaceService {
  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  async create(input: { slug: string; name?: string | undefined }): Promise<WorkspaceRecord> {
    const slug = validateWorkspaceSlug(input.slug);
    const name = (input.name ?? slug).trim();
    if (name.length === 0 || name.length > 100) {
      throw new ApiError("validation_error", {
        message: "name must be 1-100 characters",
        details: [{ field: "name", message: "must be 1-100 characters" }],
      });
    }
    const workspace: WorkspaceRecord = {
      id: newId("ws"),
      slug,
      name,
      visibility: "private",
      subscriptionStatus: "active",
      plan: "free",
      createdAt: this.now(),
    };
    try {
      await this.store.createWorkspace(workspace);
    } catch (error) {
      if (error instanceof UniqueViolationError) throw new ApiError("conflict", { message: `Workspace "${slug}" already exists` });
      throw error;
    }
    return workspace;
  }

  async getBySlug(slug: string): Promise<WorkspaceRecord> {
    const workspace = await this.store.findWorkspaceBySlug(slug);
    if (!workspace) throw new ApiError("not_found", { message: `Workspace not found: ${slug.slice(0, 64)}` });
    return workspace;
  }

  list(): Promise<WorkspaceRecord[]> {
    return this.store.listWorkspaces();
  }
}

export function presentWorkspace(workspace: WorkspaceRecord) {
  return {
    id: workspace.id,
    slug: workspace.slug,
    name: workspace.name,
    visibility: workspace.visibility,
    subscriptionStatus: workspace.subscriptionStatus,
    plan: workspace.plan,
    createdAt: new Date(workspace.createdAt).toISOString(),
  };
}
