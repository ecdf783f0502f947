import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Flex, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { SessionRole, type CrewMember, type Override, type SessionDetailView } from '../../../contracts/planning';
import type { RoomView } from '../../../contracts/team';
import { useCan } from '../../app/session';
import { useShowError } from '../../app/ui';
import { useT } from '../../i18n';
import { usePeople } from '../people/queries';
import { useSetCrew } from './queries';
import { useRuleGuard } from './violations';

type Assignment = Record<SessionRole, string[]>;

function toAssignment(crew: readonly CrewMember[]): Assignment {
  const out = Object.fromEntries(SessionRole.options.map((r) => [r, [] as string[]])) as Assignment;
  for (const c of crew) out[c.role].push(c.personId);
  return out;
}

function toCrew(a: Assignment): CrewMember[] {
  return SessionRole.options.flatMap((role) => a[role].map((personId) => ({ personId, role })));
}

const key = (crew: readonly CrewMember[]) =>
  crew
    .map((c) => `${c.role}:${c.personId}`)
    .sort()
    .join('|');

/** One row per session role with the people doing it; the room's required roles are marked. */
export function CrewTab({ session, room, editable }: { session: SessionDetailView; room: RoomView | undefined; editable: boolean }) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const setCrew = useSetCrew();
  const guard = useRuleGuard();
  const people = usePeople({ teamId: session.teamId, status: 'active' }, can('person:read'));
  const [assignment, setAssignment] = useState<Assignment>(() => toAssignment(session.crew));

  useEffect(() => setAssignment(toAssignment(session.crew)), [session.id, session.updatedAt]);

  const required = new Set(room?.requiredRoles ?? []);
  const dirty = key(toCrew(assignment)) !== key(session.crew);

  // Active people of the room's team, plus anyone already on the crew (they may have left or gone on leave since).
  const options = useMemo(() => {
    const list = (people.data ?? []).map((p) => ({ value: p.id, label: p.displayName }));
    for (const c of session.crew) {
      if (!list.some((o) => o.value === c.personId)) list.push({ value: c.personId, label: t('crew.notActive', { name: c.displayName }) });
    }
    return list;
  }, [people.data, session.crew, t]);

  const missingNow = [...required].filter((r) => assignment[r].length === 0);

  const save = () => {
    const crew = toCrew(assignment);
    void guard.run((override?: Override) => setCrew.mutateAsync({ id: session.id, input: { crew, override } }), {
      onSuccess: () => void message.success(t('common.saved')),
      onError: (e) => showError(e),
    });
  };

  const columns: TableColumnsType<{ role: SessionRole }> = [
    {
      title: t('crew.role'),
      dataIndex: 'role',
      width: 220,
      render: (role: SessionRole) => (
        <Flex gap={8} align="center">
          <Typography.Text strong>{t(`sessionRole.${role}`)}</Typography.Text>
          {required.has(role) ? (
            <Tag color={assignment[role].length ? 'blue' : 'red'} data-testid={`crew-required-${role}`} style={{ marginInlineEnd: 0 }}>
              {t('crew.required')}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('crew.people'),
      key: 'people',
      render: (_, { role }) => (
        <Select
          mode="multiple"
          allowClear
          disabled={!editable}
          style={{ width: '100%', minWidth: 240 }}
          placeholder={required.has(role) ? t('crew.pickRequired') : t('crew.pick')}
          status={required.has(role) && assignment[role].length === 0 ? 'error' : undefined}
          showSearch={{ optionFilterProp: 'label' }}
          loading={people.isPending}
          options={options}
          value={assignment[role]}
          onChange={(ids: string[]) => setAssignment((old) => ({ ...old, [role]: ids }))}
          data-testid={`crew-role-${role}`}
        />
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      {missingNow.length ? (
        <Alert
          type="warning"
          showIcon
          data-testid="crew-missing"
          title={t('crew.missing', { roles: missingNow.map((r) => t(`sessionRole.${r}`)).join(t('common.listSeparator')) })}
          description={t('crew.missingHint')}
        />
      ) : null}
      {!editable ? <Alert type="info" showIcon title={t('session.lockedHint')} /> : null}
      <Table<{ role: SessionRole }>
        rowKey="role"
        size="middle"
        pagination={false}
        dataSource={SessionRole.options.map((role) => ({ role }))}
        columns={columns}
        data-testid="crew-table"
      />
      {editable ? (
        <Flex justify="flex-end" gap={8} align="center">
          {dirty ? <Typography.Text type="warning">{t('common.unsaved')}</Typography.Text> : null}
          <Button disabled={!dirty} onClick={() => setAssignment(toAssignment(session.crew))} data-testid="crew-reset">
            {t('action.reset')}
          </Button>
          <Button type="primary" icon={<SaveOutlined />} loading={setCrew.isPending} onClick={save} disabled={!dirty} data-testid="crew-save">
            {t('crew.save')}
          </Button>
        </Flex>
      ) : null}
      {guard.modal}
    </Flex>
  );
}
