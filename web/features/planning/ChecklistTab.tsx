import { useMemo, useState } from 'react';
import { App, Button, Flex, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckOutlined, UndoOutlined } from '@ant-design/icons';
import type { ChecklistItemView, SessionDetailView } from '../../../contracts/planning';
import { useCan } from '../../app/session';
import { useShowError } from '../../app/ui';
import { useLocalized, useT } from '../../i18n';
import { usePeople } from '../people/queries';
import { CHECKLIST_CATEGORY } from './labels';
import { useApplyChecklist, useChecklistTemplates, useTick } from './queries';
import { formatAt } from './time';

/** Template items copied onto the session; each ticked in the name of a person, with the time. */
export function ChecklistTab({ session }: { session: SessionDetailView }) {
  const t = useT();
  const pick = useLocalized();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const canWrite = can('session:write');
  const templates = useChecklistTemplates(canWrite);
  const people = usePeople({ teamId: session.teamId, status: 'active' }, can('person:read'));
  const apply = useApplyChecklist();
  const tick = useTick();
  const [templateId, setTemplateId] = useState<string | undefined>();
  const [who, setWho] = useState<Record<string, string>>({});

  // The crew first (they do the work), then the rest of the team.
  const personOptions = useMemo(() => {
    const crew = new Map(session.crew.map((c) => [c.personId, c.displayName]));
    const rest = (people.data ?? []).filter((p) => !crew.has(p.id)).map((p) => ({ value: p.id, label: p.displayName }));
    return [
      { label: t('checklist.crewGroup'), options: [...crew].map(([value, label]) => ({ value, label })) },
      ...(rest.length ? [{ label: t('checklist.teamGroup'), options: rest }] : []),
    ];
  }, [session.crew, people.data, t]);
  const defaultPerson = session.crew.find((c) => c.role === 'console')?.personId ?? session.crew[0]?.personId;

  const setDone = (item: ChecklistItemView, done: boolean) => {
    const personId = done ? (who[item.id] ?? defaultPerson) : (item.doneByPersonId ?? who[item.id] ?? defaultPerson);
    if (!personId) {
      void message.warning(t('checklist.pickPerson'));
      return;
    }
    tick.mutate({ itemId: item.id, personId, done }, { onError: (e) => showError(e) });
  };

  const columns: TableColumnsType<ChecklistItemView> = [
    {
      title: t('checklist.item'),
      key: 'label',
      render: (_, item) => (
        <Flex vertical>
          <Typography.Text delete={item.doneAt !== null}>{pick(item.labelZh, item.labelEn)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {CHECKLIST_CATEGORY[item.category as keyof typeof CHECKLIST_CATEGORY] ? t(CHECKLIST_CATEGORY[item.category as keyof typeof CHECKLIST_CATEGORY]) : item.category}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('checklist.due'),
      dataIndex: 'dueAt',
      width: 190,
      render: (dueAt: string, item) => (
        <Flex gap={6} align="center" wrap>
          <span>{formatAt(dueAt, session.timeZone)}</span>
          {item.isOverdue && !item.doneAt ? (
            <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid={`checklist-overdue-${item.id}`}>
              {t('checklist.overdue')}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('checklist.done'),
      key: 'done',
      width: 380,
      render: (_, item) =>
        item.doneAt ? (
          <Flex gap={8} align="center" wrap>
            <Tag color="green" icon={<CheckOutlined />} style={{ marginInlineEnd: 0 }} data-testid={`checklist-done-${item.id}`}>
              {t('checklist.doneBy', { name: item.doneByName ?? '—', at: formatAt(item.doneAt, session.timeZone) })}
            </Tag>
            <Button size="small" type="link" icon={<UndoOutlined />} onClick={() => setDone(item, false)} data-testid={`checklist-untick-${item.id}`}>
              {t('checklist.undo')}
            </Button>
          </Flex>
        ) : (
          <Flex gap={6}>
            <Select
              size="small"
              style={{ width: 170 }}
              placeholder={t('checklist.who')}
              value={who[item.id] ?? defaultPerson}
              onChange={(v: string) => setWho((old) => ({ ...old, [item.id]: v }))}
              options={personOptions}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid={`checklist-person-${item.id}`}
            />
            <Button size="small" type="primary" ghost icon={<CheckOutlined />} loading={tick.isPending && tick.variables?.itemId === item.id} onClick={() => setDone(item, true)} data-testid={`checklist-tick-${item.id}`}>
              {t('checklist.tick')}
            </Button>
          </Flex>
        ),
    },
  ];

  const done = session.checklist.filter((i) => i.doneAt).length;
  const overdue = session.checklist.filter((i) => i.isOverdue && !i.doneAt).length;

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Flex gap={8} align="center" wrap>
          <Typography.Text data-testid="checklist-progress">{t('checklist.progress', { done, total: session.checklist.length })}</Typography.Text>
          {overdue ? <Tag color="red">{t('checklist.overdueCount', { count: overdue })}</Tag> : null}
        </Flex>
        {canWrite ? (
          <Flex gap={8}>
            <Select
              style={{ width: 240 }}
              placeholder={t('checklist.template')}
              value={templateId}
              onChange={setTemplateId}
              loading={templates.isPending}
              options={(templates.data ?? []).map((tpl) => ({ value: tpl.id, label: `${pick(tpl.nameZh, tpl.nameEn)} (${tpl.items.length})` }))}
              data-testid="checklist-template"
            />
            <Button
              disabled={!templateId}
              loading={apply.isPending}
              onClick={() =>
                templateId &&
                apply.mutate(
                  { sessionId: session.id, templateId },
                  { onSuccess: () => void message.success(t('checklist.applied')), onError: (e) => showError(e) },
                )
              }
              data-testid="checklist-apply"
            >
              {t('checklist.apply')}
            </Button>
          </Flex>
        ) : null}
      </Flex>
      <Table<ChecklistItemView>
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={session.checklist}
        columns={columns}
        scroll={{ x: 760 }}
        data-testid="checklist-table"
        onRow={(item) => ({ 'data-testid': `checklist-item-${item.id}`, 'data-done': item.doneAt ? 'true' : 'false' }) as Record<never, never>}
        locale={{ emptyText: <Typography.Text type="secondary">{canWrite ? t('checklist.emptyApply') : t('checklist.empty')}</Typography.Text> }}
      />
    </Flex>
  );
}
