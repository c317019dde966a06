import { AppShell, Badge, Burger, Button, Group, NavLink, Select, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { NavLink as RouterNavLink, Outlet, useLocation } from "react-router";
import { api, unwrap } from "../api/client";
import { ErrorAlert } from "../components/ErrorAlert";
import { SESSION_QUERY_KEY, useForgetSession, useSignedIn } from "./session";

const PAGES = [
  { to: "/keys", label: "API Keys" },
  { to: "/prompts", label: "Prompts" },
  { to: "/usage", label: "Usage" },
  { to: "/team", label: "Team" },
  { to: "/audit", label: "Audit log", needs: "viewAuditLog" as const },
  { to: "/settings", label: "Settings" },
];

function WorkspaceSwitcher() {
  const { session, workspace } = useSignedIn();
  const queryClient = useQueryClient();
  const switchTo = useMutation({
    mutationFn: (workspaceId: string) => unwrap(api.PUT("/api/console/session/workspace", { body: { workspaceId } })),
    onSuccess: async () => {
      // Everything on screen belongs to the old workspace.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_QUERY_KEY[0] });
      await queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
    },
  });
  return (
    <Stack gap={4}>
      <Select
        label="Workspace"
        data={session.workspaces.map((w) => ({ value: w.id, label: `${w.name} (@${w.slug})` }))}
        value={workspace?.id ?? null}
        onChange={(value) => value && value !== workspace?.id && switchTo.mutate(value)}
        allowDeselect={false}
        disabled={switchTo.isPending}
        comboboxProps={{ withinPortal: true }}
      />
      <ErrorAlert error={switchTo.error} title="Could not switch" />
    </Stack>
  );
}

function SignOut() {
  const forget = useForgetSession();
  const signOut = useMutation({ mutationFn: () => unwrap(api.POST("/api/console/session/sign-out")), onSettled: forget });
  return (
    <Button variant="subtle" size="xs" onClick={() => signOut.mutate()} loading={signOut.isPending}>
      Sign out
    </Button>
  );
}

/** The signed-in frame: header, sidebar with the workspace switcher and pages, and the page itself. */
export function Layout() {
  const { session, workspace } = useSignedIn();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 260, breakpoint: "sm", collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Title order={2} size="h4">
              Keyward
            </Title>
          </Group>
          {workspace && workspace.subscriptionStatus !== "active" && (
            <Badge color="red" variant="light">
              Subscription {workspace.subscriptionStatus.replace("_", " ")}: keys answer 403
            </Badge>
          )}
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="md" aria-label="Main">
        <AppShell.Section>
          <WorkspaceSwitcher />
        </AppShell.Section>
        <AppShell.Section grow mt="md" component="nav" aria-label="Pages">
          {PAGES.filter((page) => !page.needs || workspace?.permissions[page.needs]).map((page) => (
            <NavLink
              key={page.to}
              component={RouterNavLink}
              to={page.to}
              label={page.label}
              active={location.pathname.startsWith(page.to)}
              onClick={close}
            />
          ))}
        </AppShell.Section>
        <AppShell.Section>
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" fw={500} truncate>
                {session.user.displayName}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {session.user.email}
              </Text>
            </Stack>
            <SignOut />
          </Group>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
