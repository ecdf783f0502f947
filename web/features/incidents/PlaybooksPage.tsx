import { useState } from 'react';
import { App, Button, Card, Col, Flex, Form, Input, List, Modal, Row, Select, Space, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { PlaybookInput, PlaybookView } from '../../../contracts/incidents';
import { useCan } from '../../app/session';
import { LoadError, PageHeader, tid, useShowError } from '../../app/ui';
import { useLocalized, useT } from '../../i18n';
import { usePositions } from '../catalog/queries';
import { SeverityTag, useSeverityOptions } from './labels';
import { usePlaybooks, useSavePlaybook } from './queries';

export default function PlaybooksPage() {
  const t = useT();
  const pick = useLocalized();
  const can = useCan();
  const navigate = useNavigate();
  const list = usePlaybooks();
  const positions = usePositions();
  const [editing, setEditing] = useState<PlaybookView | 'new' | null>(null);
  const positionName = (id: string | null) => {
    const p = positions.data?.find((x) => x.id === id);
    return p ? pick(p.nameZh, p.nameEn) : '—';
  };
  if (list.error) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <PageHeader
        title={t('playbooks.title')}
        subtitle={t('playbooks.subtitle')}
        testId="playbooks-page"
        extra={can('incident:write') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('playbooks.new')}</Button> : null}
      />
      <Row gutter={[16, 16]}>
        {(list.data ?? []).map((p) => (
          <Col key={p.id} xs={24} lg={12}>
            <Card
              size="small"
              data-testid={`playbook-${p.scenario}`}
              title={
                <Space>
                  <SeverityTag severity={p.defaultSeverity} />
                  {pick(p.nameZh, p.nameEn)}
                </Space>
              }
              extra={
                can('incident:write') ? (
                  <Space>
                    <Button size="small" onClick={() => setEditing(p)} data-testid={`playbook-edit-${p.scenario}`}>{t('playbooks.edit')}</Button>
                    <Button size="small" type="primary" danger onClick={() => void navigate(`/incidents?playbook=${p.id}`)} data-testid={`playbook-start-${p.scenario}`}>{t('playbooks.start')}</Button>
                  </Space>
                ) : null
              }
            >
              <Typography.Paragraph type="secondary">{pick(p.descriptionZh, p.descriptionEn)}</Typography.Paragraph>
              <List
                size="small"
                dataSource={p.steps}
                renderItem={(s, i) => (
                  <List.Item>
                    <Flex vertical>
                      <span>{i + 1}. {pick(s.textZh, s.textEn)}</span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{positionName(s.positionId)}</Typography.Text>
                    </Flex>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <PlaybookEditor playbook={editing} onClose={() => setEditing(null)} />
    </>
  );
}

function PlaybookEditor({ playbook, onClose }: { playbook: PlaybookView | 'new' | null; onClose: () => void }) {
  const t = useT();
  const pick = useLocalized();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<PlaybookInput>();
  const positions = usePositions();
  const save = useSavePlaybook();
  const severityOptions = useSeverityOptions();
  const existing = playbook && playbook !== 'new' ? playbook : null;
  const initial: PlaybookInput = existing
    ? { scenario: existing.scenario, nameZh: existing.nameZh, nameEn: existing.nameEn, descriptionZh: existing.descriptionZh, descriptionEn: existing.descriptionEn, defaultSeverity: existing.defaultSeverity, steps: existing.steps }
    : { scenario: '', nameZh: '', nameEn: '', descriptionZh: '', descriptionEn: '', defaultSeverity: 'SEV2', steps: [{ positionId: null, textZh: '', textEn: '' }] };
  const positionOptions = (positions.data ?? []).map((p) => ({ value: p.id, label: pick(p.nameZh, p.nameEn) }));

  return (
    <Modal
      open={playbook !== null}
      title={existing ? pick(existing.nameZh, existing.nameEn) : t('playbooks.new')}
      width={860}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('incidents.save')}
      cancelText={t('incidents.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={tid('playbook-save')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        preserve={false}
        onFinish={(v) =>
          save.mutate(
            { id: existing?.id, input: { ...v, steps: v.steps.map((s) => ({ ...s, positionId: s.positionId ?? null })) } },
            { onSuccess: () => { void message.success(t('playbooks.saved')); onClose(); }, onError: (e) => showError(e, form) },
          )
        }
      >
        <Flex gap={12} wrap>
          <Form.Item name="nameZh" label={t('playbooks.nameZh')} rules={[{ required: true }]} style={{ flex: 1, minWidth: 200 }}><Input maxLength={120} /></Form.Item>
          <Form.Item name="nameEn" label={t('playbooks.nameEn')} rules={[{ required: true }]} style={{ flex: 1, minWidth: 200 }}><Input maxLength={120} /></Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="scenario" label={t('playbooks.scenario')} rules={[{ required: true }]} style={{ flex: 1, minWidth: 200 }}><Input maxLength={60} disabled={Boolean(existing)} /></Form.Item>
          <Form.Item name="defaultSeverity" label={t('playbooks.defaultSeverity')} style={{ flex: 1, minWidth: 200 }}><Select options={severityOptions} optionLabelProp="value" popupMatchSelectWidth={420} /></Form.Item>
        </Flex>
        <Form.Item name="descriptionZh" label={t('playbooks.descriptionZh')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        <Form.Item name="descriptionEn" label={t('playbooks.descriptionEn')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        <Form.List name="steps">
          {(fields, { add, remove, move }) => (
            <Flex vertical gap={4}>
              {fields.map((f, i) => (
                <Card key={f.key} size="small" data-testid={`playbook-step-${i}`} title={`${t('playbooks.step')} ${i + 1}`} extra={
                  <Space>
                    <Button size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={t('playbooks.moveUp')} data-testid={`playbook-step-up-${i}`} />
                    <Button size="small" icon={<ArrowDownOutlined />} disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} aria-label={t('playbooks.moveDown')} />
                    <Button size="small" icon={<DeleteOutlined />} disabled={fields.length === 1} onClick={() => remove(i)} aria-label={t('playbooks.remove')} />
                  </Space>
                }>
                  <Form.Item name={[f.name, 'positionId']} label={t('playbooks.position')} style={{ marginBottom: 8 }}>
                    <Select allowClear options={positionOptions} style={{ maxWidth: 260 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'textZh']} label={t('playbooks.textZh')} rules={[{ required: true }]} style={{ marginBottom: 8 }}><Input maxLength={500} /></Form.Item>
                  <Form.Item name={[f.name, 'textEn']} label={t('playbooks.textEn')} rules={[{ required: true }]} style={{ marginBottom: 0 }}><Input maxLength={500} /></Form.Item>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ positionId: null, textZh: '', textEn: '' })}>{t('playbooks.addStep')}</Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
