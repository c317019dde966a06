import { Alert, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { api, unwrap } from "../../api/client";
import { useAcceptSession } from "../../app/session";
import { ErrorAlert } from "../../components/ErrorAlert";
import { AuthCard } from "./AuthCard";

/** Only same-site paths: a `next` pointing elsewhere would make this page an open redirect. */
export function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/keys";
}

export function SignInPage({ needsSetup }: { needsSetup: boolean }) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const accept = useAcceptSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const signIn = useMutation({
    mutationFn: () => unwrap(api.POST("/api/console/session/sign-in", { body: { email, password } })),
    onSuccess: (state) => {
      accept(state);
      navigate(safeNext(params.get("next")), { replace: true });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };

  return (
    <AuthCard title="Sign in" subtitle="Manage your API keys, prompts and team.">
      {needsSetup && (
        <Alert color="blue" title="No account yet">
          This Keyward has no users. Open the one-time setup link the server printed in its log when it started (look for “Create the
          owner account at”). Restart the server for a new link.
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
          <PasswordInput label="Password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          <ErrorAlert error={signIn.error} title="Could not sign in" />
          <Button type="submit" loading={signIn.isPending} disabled={!email || !password}>
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
