import { useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Flex, Tag, Typography } from 'antd';
import { EditOutlined, EyeOutlined } from '@ant-design/icons';
import { CONTACT_FIELDS, type ContactField, type PersonView } from '../../../contracts/people';
import type { PositionView } from '../../../contracts/catalog';
import type { TeamView } from '../../../contracts/team';
import { useCan } from '../../app/session';
import { LoadError, useFormat, useShowError } from '../../app/ui';
import { useLocalized, useT } from '../../i18n';
import { CONTACT_LABELS, STATUS_COLORS } from './PersonFormDrawer';
import { usePerson, useRevealContacts } from './queries';

export function PersonDetailDrawer({
  personId,
  positions,
  teams,
  onClose,
  onEdit,
}: {
  personId: string | null;
  positions: PositionView[];
  teams: TeamView[];
  onClose: () => void;
  onEdit: (person: PersonView) => void;
}) {
  const t = useT();
  const pick = useLocalized();
  const can = useCan();
  const format = useFormat();
  const showError = useShowError();
  const person = usePerson(personId);
  const reveal = useRevealContacts();
  const [revealed, setRevealed] = useState<Partial<Record<ContactField, string | null>>>({});
  const [revealing, setRevealing] = useState<ContactField | null>(null);

  // Plaintext never outlives the drawer it was revealed in.
  useEffect(() => setRevealed({}), [personId]);

  const p = person.data;
  const position = p ? positions.find((x) => x.id === p.positionId) : undefined;
  const level = position?.levels.find((l) => l.code === p?.level);
  const canReveal = can('person:reveal');

  const revealField = (field: ContactField) => {
    if (!p) return;
    setRevealing(field);
    reveal.mutate(
      { id: p.id, input: { fields: [field] } },
      {
        onSuccess: (view) => setRevealed((old) => ({ ...old, [field]: view[field] ?? null })),
        onError: (e) => showError(e),
        onSettled: () => setRevealing(null),
      },
    );
  };

  return (
    <Drawer
      open={personId !== null}
      onClose={onClose}
      size={560}
      title={p?.displayName ?? t('person.detailTitle')}
      extra={
        p && can('person:write') ? (
          <Button icon={<EditOutlined />} onClick={() => onEdit(p)} data-testid="person-detail-edit">
            {t('action.edit')}
          </Button>
        ) : null
      }
      loading={person.isPending && personId !== null}
    >
      {person.isError ? <LoadError error={person.error} onRetry={() => void person.refetch()} /> : null}
      {p ? (
        <Flex vertical gap={16} data-testid="person-detail">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('field.status')}>
              <Tag color={STATUS_COLORS[p.status]}>{t(`personStatus.${p.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('field.position')}>{position ? pick(position.nameZh, position.nameEn) : t('common.none')}</Descriptions.Item>
            <Descriptions.Item label={t('field.level')}>{level ? pick(level.nameZh, level.nameEn) : (p.level ?? t('common.none'))}</Descriptions.Item>
            <Descriptions.Item label={t('field.teams')}>
              <Flex gap={4} wrap>
                {p.teamIds.length
                  ? p.teamIds.map((id) => (
                      <Tag key={id} style={{ marginInlineEnd: 0 }}>
                        {teams.find((team) => team.id === id)?.name ?? id}
                      </Tag>
                    ))
                  : t('common.none')}
              </Flex>
            </Descriptions.Item>
            <Descriptions.Item label={t('field.hireDate')}>{p.hireDate ?? t('common.none')}</Descriptions.Item>
            <Descriptions.Item label={t('field.weeklyCapacity')}>{t('common.hoursPerWeek', { hours: p.weeklyCapacityHours })}</Descriptions.Item>
            <Descriptions.Item label={t('field.skills')}>
              <Flex gap={4} wrap>
                {p.skills.length ? p.skills.map((s) => <Tag key={s} style={{ marginInlineEnd: 0 }}>{s}</Tag>) : t('common.none')}
              </Flex>
            </Descriptions.Item>
            <Descriptions.Item label={t('field.updatedAt')}>{format.dateTime(p.updatedAt)}</Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('person.contacts')}</Typography.Title>
            <Descriptions column={1} size="small" bordered>
              {CONTACT_FIELDS.map((field) => {
                const masked = p.contacts[field];
                const plain = revealed[field];
                const isRevealed = field in revealed;
                return (
                  <Descriptions.Item key={field} label={t(CONTACT_LABELS[field])}>
                    <Flex justify="space-between" align="center" gap={8}>
                      <Typography.Text
                        data-testid={`contact-${field}`}
                        data-revealed={isRevealed ? 'true' : 'false'}
                        copyable={isRevealed && plain ? { text: plain } : false}
                        type={masked === null ? 'secondary' : undefined}
                      >
                        {isRevealed ? (plain ?? t('common.none')) : (masked ?? t('person.notOnFile'))}
                      </Typography.Text>
                      {canReveal && masked !== null && !isRevealed ? (
                        <Button
                          size="small"
                          icon={<EyeOutlined />}
                          loading={revealing === field}
                          onClick={() => revealField(field)}
                          data-testid={`reveal-${field}`}
                        >
                          {t('person.reveal')}
                        </Button>
                      ) : null}
                    </Flex>
                  </Descriptions.Item>
                );
              })}
            </Descriptions>
          </div>
          {Object.keys(revealed).length > 0 ? (
            <Alert type="warning" showIcon title={t('person.revealRecorded')} data-testid="reveal-note" />
          ) : canReveal ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('person.revealHint')}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('person.revealNotAllowed')}
            </Typography.Text>
          )}
        </Flex>
      ) : null}
    </Drawer>
  );
}
