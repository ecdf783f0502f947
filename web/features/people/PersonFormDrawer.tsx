import { useEffect, useMemo } from 'react';
import { App, Button, Col, DatePicker, Divider, Drawer, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CONTACT_FIELDS, PersonInput, PersonStatus, PersonUpdateInput, type ContactField, type PersonView } from '../../../contracts/people';
import { parseForm, useContractForm, clearErrorsOnChange } from '../../app/forms';
import { useCan } from '../../app/session';
import { useShowError } from '../../app/ui';
import { useLocalized, useT, type MessageKey } from '../../i18n';
import { useUsers } from '../accounts/queries';
import { usePositions } from '../catalog/queries';
import { useTeams } from '../team/queries';
import { useCreatePerson, useUpdatePerson } from './queries';

interface PersonFormValues {
  displayName: string;
  positionId?: string | null;
  level?: string | null;
  teamIds: string[];
  hireDate?: Dayjs | null;
  weeklyCapacityHours: number;
  skills: string[];
  status: PersonStatus;
  userId?: string | null;
  phone?: string;
  wechat?: string;
  idCard?: string;
  address?: string;
}

export const CONTACT_LABELS: Record<ContactField, MessageKey> = {
  phone: 'field.phone',
  wechat: 'field.wechat',
  idCard: 'field.idCard',
  address: 'field.address',
};

export const STATUS_COLORS: Record<PersonStatus, string> = { active: 'green', on_leave: 'orange', left: 'default' };

export function useStatusOptions() {
  const t = useT();
  return PersonStatus.options.map((s) => ({ value: s, label: t(`personStatus.${s}`) }));
}

/** Blank contact inputs mean "keep what is on file" when editing, and "none" when creating. */
function contactValue(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function PersonFormDrawer({ open, person, onClose }: { open: boolean; person: PersonView | null; onClose: () => void }) {
  const t = useT();
  const pick = useLocalized();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = useContractForm<PersonFormValues>();
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const canLinkUser = can('user:manage');
  const positions = usePositions(open);
  const teams = useTeams(open);
  const users = useUsers(open && canLinkUser);
  const statusOptions = useStatusOptions();
  const positionId = Form.useWatch('positionId', form);

  const levels = useMemo(() => positions.data?.find((p) => p.id === positionId)?.levels ?? [], [positions.data, positionId]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      person
        ? {
            displayName: person.displayName,
            positionId: person.positionId,
            level: person.level,
            teamIds: person.teamIds,
            hireDate: person.hireDate ? dayjs(person.hireDate) : null,
            weeklyCapacityHours: person.weeklyCapacityHours,
            skills: person.skills,
            status: person.status,
            userId: person.userId,
            phone: '',
            wechat: '',
            idCard: '',
            address: '',
          }
        : { displayName: '', positionId: null, level: null, teamIds: [], hireDate: null, weeklyCapacityHours: 40, skills: [], status: 'active', userId: null },
    );
  }, [open, person, form]);

  const submit = (values: PersonFormValues) => {
    const common = {
      displayName: values.displayName,
      positionId: values.positionId ?? null,
      level: values.positionId ? (values.level ?? null) : null,
      teamIds: values.teamIds ?? [],
      hireDate: values.hireDate ? values.hireDate.format('YYYY-MM-DD') : null,
      weeklyCapacityHours: values.weeklyCapacityHours,
      skills: values.skills ?? [],
      status: values.status,
      ...(canLinkUser ? { userId: values.userId ?? null } : {}),
      phone: contactValue(values.phone),
      wechat: contactValue(values.wechat),
      idCard: contactValue(values.idCard),
      address: contactValue(values.address),
    };
    const done = () => {
      void message.success(t('common.saved'));
      onClose();
    };
    if (person) {
      const input = parseForm(form, PersonUpdateInput, common, t);
      if (input) update.mutate({ id: person.id, input }, { onSuccess: done, onError: (e) => showError(e, form) });
    } else {
      const input = parseForm(form, PersonInput, common, t);
      if (input) create.mutate(input, { onSuccess: done, onError: (e) => showError(e, form) });
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={640}
      title={person ? t('person.editTitle', { name: person.displayName }) : t('person.createTitle')}
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()} data-testid="person-submit">
            {t('action.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} onValuesChange={clearErrorsOnChange(form)} layout="vertical" onFinish={submit} data-testid="person-form">
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="displayName" label={t('field.displayName')} required>
              <Input maxLength={60} data-testid="person-display-name" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="status" label={t('field.status')} required>
              <Select options={statusOptions} data-testid="person-status" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="positionId" label={t('field.position')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={positions.isPending}
                options={(positions.data ?? []).map((p) => ({ value: p.id, label: pick(p.nameZh, p.nameEn) }))}
                onChange={() => form.setFieldValue('level', null)}
                data-testid="person-position"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="level" label={t('field.level')} extra={positionId ? undefined : t('person.levelNeedsPosition')}>
              <Select
                allowClear
                disabled={!positionId}
                options={levels.map((l) => ({ value: l.code, label: pick(l.nameZh, l.nameEn) }))}
                data-testid="person-level"
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="teamIds" label={t('field.teams')}>
              <Select
                mode="multiple"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={teams.isPending}
                options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
                data-testid="person-teams"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="hireDate" label={t('field.hireDate')}>
              <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" data-testid="person-hire-date" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="weeklyCapacityHours" label={t('field.weeklyCapacity')} required>
              <InputNumber min={0} max={84} step={1} style={{ width: '100%' }} suffix={t('common.hoursUnit')} data-testid="person-capacity" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="skills" label={t('field.skills')} extra={t('form.tagsHint')}>
              <Select mode="tags" tokenSeparators={[',', '，']} open={false} suffixIcon={null} data-testid="person-skills" />
            </Form.Item>
          </Col>
          {canLinkUser ? (
            <Col xs={24}>
              <Form.Item name="userId" label={t('field.linkedUser')} extra={t('person.linkedUserHint')}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={users.isPending}
                  options={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName} <${u.email}>` }))}
                  data-testid="person-user"
                />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        <Divider titlePlacement="start">{t('person.contacts')}</Divider>
        <Typography.Paragraph type="secondary">{person ? t('person.contactsEditHint') : t('person.contactsHint')}</Typography.Paragraph>
        <Row gutter={16}>
          {CONTACT_FIELDS.map((field) => (
            <Col key={field} xs={24} sm={field === 'address' ? 24 : 12}>
              <Form.Item name={field} label={t(CONTACT_LABELS[field])}>
                <Input
                  autoComplete="off"
                  placeholder={person?.contacts[field] ?? undefined}
                  maxLength={field === 'address' ? 300 : 60}
                  data-testid={`person-${field}`}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </Drawer>
  );
}
