import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, type ReactNode } from "react";
import { api, onSessionLost, setCsrfToken, unwrap } from "../api/client";
import type { MyWorkspace, SessionState, SignedIn } from "../api/types";

export const SESSION_QUERY_KEY = ["session"] as const;

/** Who is signed in; the CSRF token it carries is handed to the API client as soon as it arrives. */
export function useSessionQuery() {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: SESSION_QUERY_KEY,
    queryFn: async (): Promise<SessionState> => {
      const state = await unwrap(api.GET("/api/console/session"));
      setCsrfToken(state.signedIn ? state.csrfToken : null);
      return state;
    },
    staleTime: 60_000,
  });
  useEffect(() => {
    onSessionLost(() => void queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY }));
  }, [queryClient]);
  return query;
}

/** Stores a signed-in state the server just answered (sign-in, setup, invitation) without asking again. */
export function useAcceptSession() {
  const queryClient = useQueryClient();
  return (state: SignedIn) => {
    setCsrfToken(state.csrfToken);
    queryClient.setQueryData(SESSION_QUERY_KEY, state);
  };
}

interface WorkspaceContextValue {
  session: SignedIn;
  workspace: MyWorkspace | null;
}

const WorkspaceContext = createContext<WorkspaceContextValue | null>(null);

export function WorkspaceProvider({ session, children }: { session: SignedIn; children: ReactNode }) {
  const workspace = session.workspaces.find((w) => w.id === session.currentWorkspaceId) ?? session.workspaces[0] ?? null;
  return <WorkspaceContext.Provider value={{ session, workspace }}>{children}</WorkspaceContext.Provider>;
}

/** The signed-in user and the workspace the dashboard shows. */
export function useSignedIn(): WorkspaceContextValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error("useSignedIn outside a signed-in page");
  return value;
}

/** The current workspace (pages under the sidebar always have one). */
export function useWorkspace(): MyWorkspace {
  const { workspace } = useSignedIn();
  if (!workspace) throw new Error("no current workspace");
  return workspace;
}

/** After signing out: forget every cached answer and show the sign-in page. */
export function useForgetSession() {
  const queryClient = useQueryClient();
  return () => {
    setCsrfToken(null);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_QUERY_KEY[0] });
    const signedOut: SessionState = { signedIn: false, needsSetup: false };
    queryClient.setQueryData(SESSION_QUERY_KEY, signedOut);
  };
}
