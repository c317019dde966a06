export { WorkspaceService, validateWorkspaceSlug, presentWorkspace } from "./workspace-service.js";
