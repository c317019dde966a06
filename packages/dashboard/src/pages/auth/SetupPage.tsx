import { Alert, Anchor, Button, Loader, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { api, unwrap } from "../../api/client";
import { useAcceptSession } from "../../app/session";
import { ErrorAlert } from "../../components/ErrorAlert";
import { AuthCard } from "./AuthCard";

/** "Acme Inc." → "acme-inc": a suggestion until the slug is typed by hand. */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
}

/** First run: the setup link's token creates the owner account and the first workspace. */
export function SetupPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const navigate = useNavigate();
  const accept = useAcceptSession();
  const [form, setForm] = useState({ displayName: "", email: "", password: "", workspaceName: "", workspaceSlug: "" });
  const [slugEdited, setSlugEdited] = useState(false);
  const check = useQuery({
    queryKey: ["setup-token", token],
    queryFn: () => unwrap(api.POST("/api/console/setup/verify", { body: { token } })),
    enabled: token !== "",
    retry: false,
  });
  const setup = useMutation({
    mutationFn: () => unwrap(api.POST("/api/console/setup", { body: { token, ...form } })),
    onSuccess: (state) => {
      accept(state);
      navigate("/keys", { replace: true });
    },
  });
  const set = (field: keyof typeof form) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setForm((current) => ({
      ...current,
      [field]: value,
      ...(field === "workspaceName" && !slugEdited ? { workspaceSlug: slugify(value) } : {}),
    }));
    if (field === "workspaceSlug") setSlugEdited(true);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setup.mutate();
  };

  if (token === "" || check.data?.tokenValid === false || check.isError) {
    const done = check.data?.needsSetup === false;
    return (
      <AuthCard title={done ? "Keyward is set up" : "This setup link does not work"}>
        <Alert color={done ? "blue" : "red"}>
          {done
            ? "The owner account exists already."
            : "The link is missing its token, has expired (links work for one hour) or was used already. Restart the server: it prints a new link while no user exists."}
        </Alert>
        <Anchor component={Link} to="/sign-in">
          Go to sign in
        </Anchor>
      </AuthCard>
    );
  }
  if (check.isPending) {
    return (
      <AuthCard title="Set up Keyward">
        <Loader aria-label="Checking the setup link" />
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Set up Keyward" subtitle="Create the owner account and your first workspace. This link works once.">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="Your name" required autoComplete="name" value={form.displayName} onChange={set("displayName")} />
          <TextInput label="Email" type="email" required autoComplete="username" value={form.email} onChange={set("email")} />
          <PasswordInput
            label="Password"
            description="At least 8 characters"
            required
            autoComplete="new-password"
            value={form.password}
            onChange={set("password")}
          />
          <TextInput label="Workspace name" required placeholder="Acme Inc" value={form.workspaceName} onChange={set("workspaceName")} />
          <TextInput
            label="Workspace slug"
            description={`Part of every prompt's package name: @${form.workspaceSlug || "acme"}/welcome`}
            required
            value={form.workspaceSlug}
            onChange={set("workspaceSlug")}
          />
          <ErrorAlert error={setup.error} title="Could not finish setup" />
          <Button type="submit" loading={setup.isPending}>
            Create account and workspace
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
