import { Alert, Anchor, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { api, unwrap } from "../../api/client";
import type { PromptVersions } from "../../api/types";
import { formatDateTime } from "../../app/format";
import { useWorkspace } from "../../app/session";
import { CopyField } from "../../components/CopyField";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { HighlightedTemplate } from "./HighlightedTemplate";

function DraftEditor({ data, slug, onSaved }: { data: PromptVersions; slug: string; onSaved: () => Promise<void> }) {
  const workspace = useWorkspace();
  const canEdit = workspace.permissions.editPrompts;
  const [title, setTitle] = useState(data.draft.title);
  const [content, setContent] = useState(data.draft.content);
  const [systemPrompt, setSystemPrompt] = useState(data.draft.systemPrompt ?? "");
  useEffect(() => {
    setTitle(data.draft.title);
    setContent(data.draft.content);
    setSystemPrompt(data.draft.systemPrompt ?? "");
  }, [data.draft]);
  const params = { path: { workspaceId: workspace.id, slug } };
  const save = useMutation({
    mutationFn: () =>
      unwrap(api.PUT("/api/console/workspaces/{workspaceId}/prompts/{slug}/draft", { params, body: { title, content, systemPrompt: systemPrompt || null } })),
    onSuccess: onSaved,
  });
  const publish = useMutation({
    mutationFn: async () => {
      await save.mutateAsync();
      return unwrap(api.POST("/api/console/workspaces/{workspaceId}/prompts/{slug}/publish", { params }));
    },
    onSuccess: onSaved,
  });
  const dirty = title !== data.draft.title || content !== data.draft.content || systemPrompt !== (data.draft.systemPrompt ?? "");
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h3">
            Draft (v0)
          </Title>
          {dirty && <Badge color="yellow">Unsaved changes</Badge>}
        </Group>
        <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} readOnly={!canEdit} />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Textarea
            label="Content"
            description="Variables: {{name}}, {{name:type}} or {{name:type // description}}"
            autosize
            minRows={8}
            value={content}
            onChange={(e) => setContent(e.currentTarget.value)}
            readOnly={!canEdit}
            styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Preview with variables highlighted
            </Text>
            <HighlightedTemplate content={content} label="Content preview" />
          </Stack>
        </SimpleGrid>
        <Textarea label="System prompt" autosize minRows={2} value={systemPrompt} onChange={(e) => setSystemPrompt(e.currentTarget.value)} readOnly={!canEdit} />
        <Group gap="xs">
          <Text size="sm">Variables:</Text>
          {data.draft.variables.length === 0 && <Text size="sm">none</Text>}
          {data.draft.variables.map((variable) => (
            <Badge key={variable.name} variant="light" color="violet" title={variable.description ?? undefined}>
              {variable.name}: {variable.type}
            </Badge>
          ))}
        </Group>
        <ErrorAlert error={save.error ?? publish.error} title="Could not save" />
        {canEdit && (
          <Group justify="flex-end">
            <Button variant="default" onClick={() => save.mutate()} loading={save.isPending && !publish.isPending} disabled={!dirty}>
              Save draft
            </Button>
            <Button onClick={() => publish.mutate()} loading={publish.isPending}>
              Publish as v{data.versions.length + 1}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** One prompt: its draft, editable, and every published version. */
export function PromptDetailPage() {
  const { slug = "" } = useParams();
  const workspace = useWorkspace();
  const queryClient = useQueryClient();
  const queryKey = ["prompts", workspace.id, slug];
  const versions = useQuery({
    queryKey,
    queryFn: () =>
      unwrap(api.GET("/api/console/workspaces/{workspaceId}/prompts/{slug}/versions", { params: { path: { workspaceId: workspace.id, slug } } })),
  });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ["prompts", workspace.id] });
  };
  const latest = versions.data?.versions[0];
  return (
    <>
      <Anchor component={Link} to="/prompts" size="sm">
        ← All prompts
      </Anchor>
      <PageHeader
        title={versions.data?.draft.title ?? slug}
        description={latest ? `Latest: ${latest.version}, published ${formatDateTime(latest.metadata.publishedAt)}` : "Not published yet"}
      />
      {versions.isPending && <Loader aria-label="Loading the prompt" />}
      <ErrorAlert error={versions.error} title="Could not load the prompt" />
      {versions.data && (
        <Stack>
          {latest ? (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                Fetch it from your code
              </Text>
              <CopyField value={latest.packageName} label="package name" />
            </Stack>
          ) : (
            <Alert color="blue">Publish the draft to give it a package name your code can fetch: @{workspace.slug}/{slug}:v1.</Alert>
          )}
          <DraftEditor data={versions.data} slug={slug} onSaved={refresh} />
          <Title order={2} size="h3">
            Published versions
          </Title>
          {versions.data.versions.length === 0 ? (
            <Text c="dimmed">None yet.</Text>
          ) : (
            <Table striped verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Version</Table.Th>
                  <Table.Th scope="col">Package name</Table.Th>
                  <Table.Th scope="col">Published</Table.Th>
                  <Table.Th scope="col">Content</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {versions.data.versions.map((version) => (
                  <Table.Tr key={version.version}>
                    <Table.Td>{version.version}</Table.Td>
                    <Table.Td>
                      <Text ff="monospace" size="sm">
                        {version.packageName}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatDateTime(version.metadata.publishedAt)}</Table.Td>
                    <Table.Td>
                      <Text size="xs" lineClamp={2}>
                        {version.content}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </>
  );
}
