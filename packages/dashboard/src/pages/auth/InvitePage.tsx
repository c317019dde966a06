import { Alert, Anchor, Button, Loader, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { api, unwrap } from "../../api/client";
import type { SessionState } from "../../api/types";
import { useAcceptSession } from "../../app/session";
import { ErrorAlert } from "../../components/ErrorAlert";
import { AuthCard } from "./AuthCard";

/** Where an invitation link lands: join as the signed-in user, or create the invited account. */
export function InvitePage({ session }: { session: SessionState }) {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const navigate = useNavigate();
  const accept = useAcceptSession();
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const preview = useQuery({
    queryKey: ["invitation", token],
    queryFn: () => unwrap(api.POST("/api/console/invitations/preview", { body: { token } })),
    enabled: token !== "",
    retry: false,
  });
  const join = useMutation({
    mutationFn: () =>
      unwrap(api.POST("/api/console/invitations/accept", { body: session.signedIn ? { token } : { token, displayName, password } })),
    onSuccess: (state) => {
      accept(state);
      navigate("/keys", { replace: true });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    join.mutate();
  };

  if (token === "" || preview.isError) {
    return (
      <AuthCard title="This invitation link does not work">
        <ErrorAlert error={preview.error ?? new Error("The link has no token.")} title="Invalid invitation" />
        <Text size="sm">Ask whoever invited you for a new link.</Text>
      </AuthCard>
    );
  }
  if (!preview.data) {
    return (
      <AuthCard title="Invitation">
        <Loader aria-label="Opening the invitation" />
      </AuthCard>
    );
  }
  const invitation = preview.data;
  const title = `Join ${invitation.workspaceName}`;
  const subtitle = `You are invited to @${invitation.workspaceSlug} as ${invitation.role}, as ${invitation.email}.`;
  if (invitation.status !== "pending") {
    return (
      <AuthCard title={title}>
        <Alert color="red">This invitation is {invitation.status}. Ask for a new one.</Alert>
      </AuthCard>
    );
  }
  if (session.signedIn) {
    const wrongAccount = session.user.email !== invitation.email;
    return (
      <AuthCard title={title} subtitle={subtitle}>
        {wrongAccount && (
          <Alert color="yellow">
            You are signed in as {session.user.email}, but the invitation is for {invitation.email}. Sign out and sign in as{" "}
            {invitation.email} to accept it.
          </Alert>
        )}
        <ErrorAlert error={join.error} title="Could not join" />
        <Button onClick={() => join.mutate()} loading={join.isPending} disabled={wrongAccount}>
          Join {invitation.workspaceName}
        </Button>
      </AuthCard>
    );
  }
  if (invitation.accountExists) {
    return (
      <AuthCard title={title} subtitle={subtitle}>
        <Text size="sm">You already have an account. Sign in as {invitation.email}, then accept the invitation.</Text>
        <Anchor component={Link} to={`/sign-in?next=${encodeURIComponent(`/invite?token=${token}`)}`}>
          Sign in to accept
        </Anchor>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={title} subtitle={subtitle}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="Email" value={invitation.email} readOnly />
          <TextInput label="Your name" required autoComplete="name" value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} />
          <PasswordInput
            label="Choose a password"
            description="At least 8 characters"
            required
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <ErrorAlert error={join.error} title="Could not join" />
          <Button type="submit" loading={join.isPending}>
            Create account and join
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
