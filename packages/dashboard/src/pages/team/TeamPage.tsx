import { Badge, Button, Group, Loader, Modal, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import type { Member, Role } from "../../api/types";
import { formatDate } from "../../app/format";
import { SESSION_QUERY_KEY, useWorkspace } from "../../app/session";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { InviteDialog } from "./InviteDialog";
import { roleChoices } from "./roles";

/** Team: members and roles, pending invitations, invite, change role, remove. */
export function TeamPage() {
  const workspace = useWorkspace();
  const queryClient = useQueryClient();
  const [inviteOpened, inviteDialog] = useDisclosure(false);
  const [removing, setRemoving] = useState<Member | null>(null);
  const manage = workspace.permissions.manageMembers;
  const team = useQuery({
    queryKey: ["team", workspace.id],
    queryFn: () => unwrap(api.GET("/api/console/workspaces/{workspaceId}/members", { params: { path: { workspaceId: workspace.id } } })),
  });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ["team", workspace.id] });
    await queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
  };
  const setRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      unwrap(api.PATCH("/api/console/workspaces/{workspaceId}/members/{userId}", { params: { path: { workspaceId: workspace.id, userId } }, body: { role } })),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (userId: string) =>
      unwrap(api.DELETE("/api/console/workspaces/{workspaceId}/members/{userId}", { params: { path: { workspaceId: workspace.id, userId } } })),
    onSuccess: () => setRemoving(null),
    onSettled: refresh,
  });
  const revokeInvitation = useMutation({
    mutationFn: (invitationId: string) =>
      unwrap(
        api.DELETE("/api/console/workspaces/{workspaceId}/invitations/{invitationId}", { params: { path: { workspaceId: workspace.id, invitationId } } }),
      ),
    onSettled: refresh,
  });

  return (
    <>
      <PageHeader
        title="Team"
        description="Everyone in this workspace and their role. Each member creates their own keys; removing a member or lowering their role takes effect on their keys at once."
        actions={manage && <Button onClick={inviteDialog.open}>Invite member</Button>}
      />
      {team.isPending && <Loader aria-label="Loading the team" />}
      <ErrorAlert error={team.error ?? setRole.error} title="Something went wrong" />
      {team.data && (
        <Stack>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Email</Table.Th>
                <Table.Th scope="col">Role</Table.Th>
                <Table.Th scope="col">Joined</Table.Th>
                <Table.Th scope="col">Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {team.data.members.map((member) => {
                const editable = manage && !(workspace.role === "admin" && member.role === "owner");
                return (
                  <Table.Tr key={member.userId}>
                    <Table.Td>
                      {member.displayName} {member.you && <Badge variant="light">you</Badge>}
                    </Table.Td>
                    <Table.Td>{member.email}</Table.Td>
                    <Table.Td>
                      {editable ? (
                        <Select
                          aria-label={`Role of ${member.displayName}`}
                          value={member.role}
                          data={roleChoices(workspace.role).map((choice) => ({ value: choice.value, label: choice.value }))}
                          onChange={(role) => role && role !== member.role && setRole.mutate({ userId: member.userId, role: role as Role })}
                          allowDeselect={false}
                          w={140}
                        />
                      ) : (
                        <Badge variant="outline">{member.role}</Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{formatDate(member.joinedAt)}</Table.Td>
                    <Table.Td>
                      {(editable || member.you) && (
                        <Button variant="subtle" color="red" size="xs" onClick={() => setRemoving(member)}>
                          {member.you ? "Leave" : "Remove"}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {manage && (
            <>
              <Title order={2} size="h4">
                Pending invitations
              </Title>
              {team.data.invitations.length === 0 ? (
                <Text c="dimmed" size="sm">
                  None. Invite someone to get a link to send them.
                </Text>
              ) : (
                <Table verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Email</Table.Th>
                      <Table.Th scope="col">Role</Table.Th>
                      <Table.Th scope="col">Expires</Table.Th>
                      <Table.Th scope="col">Actions</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {team.data.invitations.map((invitation) => (
                      <Table.Tr key={invitation.id}>
                        <Table.Td>{invitation.email}</Table.Td>
                        <Table.Td>{invitation.role}</Table.Td>
                        <Table.Td>{formatDate(invitation.expiresAt)}</Table.Td>
                        <Table.Td>
                          <Button variant="subtle" size="xs" color="red" onClick={() => revokeInvitation.mutate(invitation.id)}>
                            Revoke
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </>
          )}
        </Stack>
      )}
      <InviteDialog opened={inviteOpened} onClose={inviteDialog.close} />
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={removing?.you ? "Leave workspace" : "Remove member"}>
        {removing && (
          <Stack>
            <Text size="sm">
              {removing.you
                ? `You will lose access to ${workspace.name}, and your keys in it stop working.`
                : `${removing.displayName} loses access to ${workspace.name}, and their keys in it stop working on the next request.`}
            </Text>
            <ErrorAlert error={remove.error} title="Could not remove" />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRemoving(null)}>
                Cancel
              </Button>
              <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(removing.userId)}>
                {removing.you ? "Leave" : "Remove"}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
