import { Anchor, Badge, Button, Loader, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { api, unwrap } from "../../api/client";
import { formatDate } from "../../app/format";
import { useWorkspace } from "../../app/session";
import { CopyField } from "../../components/CopyField";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { CreatePromptDialog } from "./CreatePromptDialog";

/** Prompts: the workspace's registry, each at its latest version, with the package name to fetch it by. */
export function PromptsPage() {
  const workspace = useWorkspace();
  const [opened, dialog] = useDisclosure(false);
  const prompts = useQuery({
    queryKey: ["prompts", workspace.id],
    queryFn: () =>
      unwrap(api.GET("/api/console/workspaces/{workspaceId}/prompts", { params: { path: { workspaceId: workspace.id }, query: { limit: 100 } } })),
  });
  const canEdit = workspace.permissions.editPrompts;
  return (
    <>
      <PageHeader
        title="Prompts"
        description={`Versioned prompts your code fetches by package name, e.g. @${workspace.slug}/welcome:v1. Edit the draft, then publish it as the next version.`}
        actions={canEdit && <Button onClick={dialog.open}>New prompt</Button>}
      />
      {prompts.isPending && <Loader aria-label="Loading prompts" />}
      <ErrorAlert error={prompts.error} title="Could not load prompts" />
      {prompts.data && prompts.data.prompts.length === 0 && (
        <Paper withBorder p="xl" radius="md">
          <Stack align="flex-start" maw={640}>
            <Title order={2} size="h3">
              No prompts yet
            </Title>
            <Text c="dimmed">Create one here, or push a Markdown file from git with the CLI:</Text>
            <CopyField value={`keyward prompts push welcome.md --workspace ${workspace.slug} --slug welcome --publish`} label="CLI command" />
            {canEdit && <Button onClick={dialog.open}>New prompt</Button>}
          </Stack>
        </Paper>
      )}
      {prompts.data && prompts.data.prompts.length > 0 && (
        <Table.ScrollContainer minWidth={700}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Title</Table.Th>
                <Table.Th scope="col">Package name</Table.Th>
                <Table.Th scope="col">Version</Table.Th>
                <Table.Th scope="col">Variables</Table.Th>
                <Table.Th scope="col">Created</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {prompts.data.prompts.map((prompt) => (
                <Table.Tr key={prompt.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/prompts/${prompt.slug}`} fw={500}>
                      {prompt.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text ff="monospace" size="sm">
                      {prompt.packageName}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={prompt.version === "v0" ? "gray" : "blue"}>
                      {prompt.version === "v0" ? "draft only" : prompt.version}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{prompt.variables.map((v) => v.name).join(", ") || "—"}</Text>
                  </Table.Td>
                  <Table.Td>{formatDate(prompt.metadata.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CreatePromptDialog opened={opened} onClose={dialog.close} />
    </>
  );
}
