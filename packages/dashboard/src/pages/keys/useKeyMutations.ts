import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { CreateKeyBody } from "../../api/types";

export function keysQueryKey(workspaceId: string) {
  return ["keys", workspaceId] as const;
}

/** The API Keys page's changes; each refreshes the list when done. */
export function useKeyMutations(workspaceId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: keysQueryKey(workspaceId) });
  const path = (keyId: string) => ({ path: { workspaceId, keyId } });
  return {
    create: useMutation({
      mutationFn: (body: CreateKeyBody) => unwrap(api.POST("/api/console/workspaces/{workspaceId}/keys", { params: { path: { workspaceId } }, body })),
      onSuccess: refresh,
    }),
    rename: useMutation({
      mutationFn: ({ keyId, name }: { keyId: string; name: string }) =>
        unwrap(api.PATCH("/api/console/workspaces/{workspaceId}/keys/{keyId}", { params: path(keyId), body: { name } })),
      onSuccess: refresh,
    }),
    rotate: useMutation({
      mutationFn: ({ keyId, gracePeriodSeconds }: { keyId: string; gracePeriodSeconds: 0 | 3600 | 86400 | 604800 }) =>
        unwrap(api.POST("/api/console/workspaces/{workspaceId}/keys/{keyId}/rotate", { params: path(keyId), body: { gracePeriodSeconds } })),
      onSuccess: refresh,
    }),
    revoke: useMutation({
      mutationFn: (keyId: string) => unwrap(api.DELETE("/api/console/workspaces/{workspaceId}/keys/{keyId}", { params: path(keyId) })),
      onSuccess: refresh,
    }),
  };
}
