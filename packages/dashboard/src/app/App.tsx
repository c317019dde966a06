import { Center, Loader, Stack, Text } from "@mantine/core";
import { lazy, Suspense } from "react";
import { Navigate, Route, Routes, useLocation, useSearchParams } from "react-router";
import { ErrorAlert } from "../components/ErrorAlert";
import { AuditPage } from "../pages/audit/AuditPage";
import { AuthCard } from "../pages/auth/AuthCard";
import { InvitePage } from "../pages/auth/InvitePage";
import { SetupPage } from "../pages/auth/SetupPage";
import { safeNext, SignInPage } from "../pages/auth/SignInPage";
import { KeysPage } from "../pages/keys/KeysPage";
import { PromptDetailPage } from "../pages/prompts/PromptDetailPage";
import { PromptsPage } from "../pages/prompts/PromptsPage";
import { NewWorkspaceForm } from "../pages/settings/NewWorkspaceForm";
import { SettingsPage } from "../pages/settings/SettingsPage";
import { TeamPage } from "../pages/team/TeamPage";
import { Layout } from "./Layout";
import { useSessionQuery, WorkspaceProvider } from "./session";

// The chart library is most of the bundle's weight: load it with the Usage page only.
const UsagePage = lazy(() => import("../pages/usage/UsagePage").then((module) => ({ default: module.UsagePage })));

function FullPageLoader() {
  return (
    <Center mih="100vh">
      <Loader aria-label="Loading" />
    </Center>
  );
}

function RedirectToSignIn() {
  const location = useLocation();
  return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
}

function SignedInRedirect() {
  const [params] = useSearchParams();
  return <Navigate to={safeNext(params.get("next"))} replace />;
}

/** The dashboard's routes: the pages before sign-in, then the signed-in frame with its sidebar pages. */
export function App() {
  const session = useSessionQuery();
  if (session.isPending) return <FullPageLoader />;
  if (session.isError) {
    return (
      <AuthCard title="Keyward is not answering">
        <ErrorAlert error={session.error} title="Could not reach the server" />
      </AuthCard>
    );
  }
  const state = session.data;
  return (
    <Routes>
      <Route path="/setup" element={<SetupPage />} />
      <Route path="/invite" element={<InvitePage session={state} />} />
      <Route path="/sign-in" element={state.signedIn ? <SignedInRedirect /> : <SignInPage needsSetup={state.needsSetup} />} />
      {!state.signedIn && <Route path="*" element={<RedirectToSignIn />} />}
      {state.signedIn && state.workspaces.length === 0 && (
        <Route
          path="*"
          element={
            <WorkspaceProvider session={state}>
              <AuthCard title="You are not in a workspace yet" subtitle="Create one, or open an invitation link someone sent you.">
                <Stack>
                  <Text size="sm">Signed in as {state.user.email}.</Text>
                  <NewWorkspaceForm />
                </Stack>
              </AuthCard>
            </WorkspaceProvider>
          }
        />
      )}
      {state.signedIn && state.workspaces.length > 0 && (
        <Route
          element={
            <WorkspaceProvider session={state}>
              <Layout />
            </WorkspaceProvider>
          }
        >
          <Route path="/keys" element={<KeysPage />} />
          <Route path="/prompts" element={<PromptsPage />} />
          <Route path="/prompts/:slug" element={<PromptDetailPage />} />
          <Route
            path="/usage"
            element={
              <Suspense fallback={<Loader aria-label="Loading the usage page" />}>
                <UsagePage />
              </Suspense>
            }
          />
          <Route path="/team" element={<TeamPage />} />
          <Route path="/audit" element={<AuditPage />} />
          <Route path="/settings" element={<SettingsPage />} />
          <Route path="*" element={<Navigate to="/keys" replace />} />
        </Route>
      )}
    </Routes>
  );
}
