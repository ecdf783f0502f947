import { useState } from 'react';
import { App, Breadcrumb, Button, Card, Flex, Popconfirm, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CloseOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { EvasionFamily, type RuleView } from '../../../contracts/compliance';
import { useCan } from '../../app/session';
import { EmptyState, FullPageSpin, LoadError, PageHeader, tid, useShowError, useFormat } from '../../app/ui';
import { useLocale, useT } from '../../i18n';
import { SEVERITY_TAG, useComplianceLabels } from './labels';
import { PackFormModal } from './PackFormModal';
import { useAddAllow, useCategories, useDeletePack, useDeleteRule, usePack, useRemoveAllow, useUpdatePack, useUpdateRule } from './queries';
import { BulkImport, RuleDrawer } from './RuleDrawer';
import { TryItPanel } from './TryItPanel';

export default function PackDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const can = useCan();
  const navigate = useNavigate();
  const format = useFormat();
  const { message } = App.useApp();
  const showError = useShowError();
  const labels = useComplianceLabels();
  const pack = usePack(id);
  const categories = useCategories();
  const updatePack = useUpdatePack();
  const deletePack = useDeletePack();
  const updateRule = useUpdateRule();
  const deleteRule = useDeleteRule();
  const addAllow = useAddAllow();
  const removeAllow = useRemoveAllow();
  const [editing, setEditing] = useState<{ rule: RuleView | null } | null>(null);
  const [renaming, setRenaming] = useState(false);
  const canManage = can('compliance:manage');
  const number = (n: number) => new Intl.NumberFormat(locale).format(n);

  if (pack.isPending) return <FullPageSpin />;
  if (pack.isError) return <LoadError error={pack.error} onRetry={() => void pack.refetch()} />;
  const p = pack.data;
  const name = labels.pick(p.nameZh, p.nameEn);

  const columns: TableColumnsType<RuleView> = [
    {
      title: t('compliance.rule.key'),
      dataIndex: 'key',
      width: 220,
      render: (key: string, r) => (
        <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => setEditing({ rule: r })} data-testid={`rule-open-${key}`}>
          <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
            {key}
          </Typography.Text>
        </Button>
      ),
    },
    { title: t('compliance.rule.category'), dataIndex: 'category', width: 170, render: (c: string) => labels.categoryName(c, categories.data) },
    { title: t('compliance.rule.severity'), dataIndex: 'severity', width: 90, render: (s: RuleView['severity']) => <Tag color={SEVERITY_TAG[s]}>{labels.severity(s)}</Tag> },
    {
      title: t('compliance.rule.basis'),
      key: 'basis',
      render: (_: unknown, r) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: labels.pick(r.basisZh, r.basisEn) }} style={{ margin: 0, minWidth: 220 }}>
          {labels.pick(r.basisZh, r.basisEn)}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('compliance.rule.termCount'),
      key: 'terms',
      width: 150,
      align: 'right',
      render: (_: unknown, r) => (r.pattern ? <Tag color="geekblue">{labels.pattern(r.pattern)}</Tag> : <span data-testid={`rule-terms-${r.key}`}>{number(r.termCount)}</span>),
    },
    { title: t('compliance.rule.highRisk'), dataIndex: 'highRisk', width: 90, render: (h: boolean) => (h ? <Tag color="volcano">{t('compliance.rule.highRisk')}</Tag> : null) },
    {
      title: t('compliance.rule.enabled'),
      dataIndex: 'enabled',
      width: 80,
      render: (enabled: boolean, r) => (
        <Switch
          size="small"
          checked={enabled}
          disabled={!canManage}
          onChange={(next) => updateRule.mutate({ id: r.id, input: { enabled: next } }, { onError: (e) => showError(e) })}
          data-testid={`rule-enabled-${r.key}`}
        />
      ),
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, r: RuleView) => (
              <Flex gap={4}>
                <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('action.edit')} onClick={() => setEditing({ rule: r })} data-testid={`rule-edit-${r.key}`} />
                <Popconfirm
                  title={t('compliance.rule.deleteConfirm', { key: r.key })}
                  description={t('compliance.rule.deleteHint')}
                  okText={t('action.delete')}
                  cancelText={t('action.cancel')}
                  okButtonProps={{ danger: true, ...tid('confirm-ok') }}
                  onConfirm={() => deleteRule.mutateAsync(r.id).then(() => void message.success(t('common.deleted')), (e) => showError(e))}
                >
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('action.delete')} data-testid={`rule-delete-${r.key}`} />
                </Popconfirm>
              </Flex>
            ),
          },
        ]
      : []),
  ];

  const toggleFamily = (family: EvasionFamily, on: boolean) =>
    updatePack.mutate({ id: p.id, input: { evasion: { [family]: on } } }, { onError: (e) => showError(e) });

  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/compliance/packs">{t('compliance.pack.back')}</Link> }, { title: name }]} />
      <PageHeader
        testId="pack-header"
        title={
          <Flex gap={8} align="center" wrap>
            <span data-testid="pack-title">{name}</span>
            {p.builtin ? <Tag>{t('compliance.builtin')}</Tag> : <Tag color="purple">{t('compliance.custom')}</Tag>}
            {p.enabled ? null : <Tag color="default">{t('compliance.disabled')}</Tag>}
          </Flex>
        }
        subtitle={
          <>
            <Typography.Text code>{p.key}</Typography.Text> · {t('compliance.pack.rules')} {number(p.ruleCount)} · {t('compliance.pack.terms')} {number(p.termCount)} ·{' '}
            {t('compliance.pack.updated', { time: format.dateTime(p.updatedAt) })}
          </>
        }
        extra={
          <Flex gap={12} align="center" wrap>
            <Flex gap={6} align="center">
              <Switch
                checked={p.enabled}
                disabled={!canManage}
                loading={updatePack.isPending}
                onChange={(next) => updatePack.mutate({ id: p.id, input: { enabled: next } }, { onError: (e) => showError(e) })}
                data-testid="pack-enabled"
              />
              <span>{p.enabled ? t('compliance.enabled') : t('compliance.disabled')}</span>
            </Flex>
            {canManage ? (
              <Button icon={<EditOutlined />} onClick={() => setRenaming(true)} data-testid="pack-edit">
                {t('action.edit')}
              </Button>
            ) : null}
            {canManage && !p.builtin ? (
              <Popconfirm
                title={t('compliance.pack.deleteConfirm', { name })}
                description={t('compliance.pack.deleteHint')}
                okText={t('action.delete')}
                cancelText={t('action.cancel')}
                okButtonProps={{ danger: true, ...tid('confirm-ok') }}
                onConfirm={() =>
                  deletePack.mutateAsync(p.id).then(
                    () => {
                      void message.success(t('common.deleted'));
                      void navigate('/compliance/packs');
                    },
                    (e) => showError(e),
                  )
                }
              >
                <Button danger icon={<DeleteOutlined />} data-testid="pack-delete">
                  {t('action.delete')}
                </Button>
              </Popconfirm>
            ) : null}
            {p.builtin && canManage ? (
              <Tooltip title={t('compliance.pack.builtinHint')}>
                <Button danger icon={<DeleteOutlined />} disabled>
                  {t('action.delete')}
                </Button>
              </Tooltip>
            ) : null}
          </Flex>
        }
      />
      <Flex vertical gap={16}>
        <Card size="small" title={t('compliance.pack.evasion')} extra={canManage ? <Typography.Text type="secondary">{t('compliance.pack.evasionHint')}</Typography.Text> : null} data-testid="pack-evasion">
          <Flex gap={8} wrap>
            {EvasionFamily.options.map((f) =>
              canManage ? (
                <Tag.CheckableTag key={f} checked={p.evasion[f]} onChange={(on) => toggleFamily(f, on)} data-testid={`evasion-${f}`} style={{ border: '1px solid #d9d9d9', padding: '2px 10px' }}>
                  {labels.evasion(f)}
                </Tag.CheckableTag>
              ) : (
                <Tag key={f} color={p.evasion[f] ? 'blue' : undefined} style={{ textDecoration: p.evasion[f] ? undefined : 'line-through' }}>
                  {labels.evasion(f)}
                </Tag>
              ),
            )}
          </Flex>
        </Card>
        <Card
          title={t('compliance.rule.title')}
          styles={{ body: { padding: 0 } }}
          extra={
            canManage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ rule: null })} data-testid="rule-create">
                {t('compliance.rule.create')}
              </Button>
            ) : null
          }
        >
          <Table<RuleView>
            rowKey="id"
            dataSource={p.rules}
            columns={columns}
            pagination={false}
            scroll={{ x: 1000 }}
            onRow={(r) => tid(`rule-row-${r.key}`)}
            data-testid="rules-table"
            locale={{ emptyText: <EmptyState text={t('compliance.rule.empty')} /> }}
          />
        </Card>
        <Card title={t('compliance.allow.title')} data-testid="allow-card">
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            {t('compliance.allow.hint')}
          </Typography.Paragraph>
          <Flex gap={6} wrap style={{ marginBottom: 12 }} data-testid="allow-list">
            {p.allow.length ? (
              p.allow.map((w) => (
                <Tag
                  key={w}
                  closable={canManage}
                  closeIcon={<CloseOutlined data-testid={`allow-remove-${w}`} />}
                  onClose={(e) => {
                    e.preventDefault();
                    removeAllow.mutate({ packId: p.id, items: [w] }, { onError: (err) => showError(err) });
                  }}
                >
                  {w}
                </Tag>
              ))
            ) : (
              <Typography.Text type="secondary">{t('compliance.allow.empty')}</Typography.Text>
            )}
          </Flex>
          {canManage ? (
            <BulkImport
              testId="allow-import"
              placeholder={t('compliance.allow.placeholder')}
              buttonLabel={t('compliance.allow.add')}
              pending={addAllow.isPending}
              onImport={(text) => addAllow.mutateAsync({ packId: p.id, input: { text } })}
            />
          ) : null}
        </Card>
        <TryItPanel />
      </Flex>
      {canManage ? (
        <>
          <RuleDrawer open={editing !== null} packId={p.id} packName={name} rule={editing?.rule ?? null} onClose={() => setEditing(null)} />
          <PackFormModal open={renaming} pack={p} onClose={() => setRenaming(false)} />
        </>
      ) : null}
    </>
  );
}
