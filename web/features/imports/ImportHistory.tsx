import { App, Button, Card, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { TimeWindow } from '../../../contracts/analytics';
import type { ImportView } from '../../../contracts/imports';
import type { Platform } from '../../../contracts/team';
import { useCan } from '../../app/session';
import { EmptyState, LoadError, tid, useFormat, useShowError } from '../../app/ui';
import { useT, type MessageKey } from '../../i18n';
import { useImports, useSessionMetrics, useUndoImport } from './queries';
import { useMetricText } from '../analytics/format';

/** A date and time to the minute. */
export function When({ iso }: { iso: string }) {
  const f = useFormat();
  return <>{f.dateTime(iso).slice(0, -3)}</>;
}

/** What the applied import put on its sessions, read back from the session metrics (source shown). */
export function AppliedCard({ imported, titles }: { imported: ImportView; titles: Map<string, string> }) {
  const t = useT();
  return (
    <Card size="small" title={t('imports.appliedTitle', { file: imported.fileName })} data-testid="imports-applied">
      <Typography.Paragraph type="secondary">{t('imports.appliedHint', { rows: imported.rowCount, values: imported.valueCount, sessions: imported.sessionIds.length })}</Typography.Paragraph>
      <Flex vertical gap={12}>
        {imported.sessionIds.slice(0, 5).map((id) => (
          <SessionValues key={id} sessionId={id} title={titles.get(id) ?? t('imports.sessionValues')} />
        ))}
      </Flex>
    </Card>
  );
}

function SessionValues({ sessionId, title }: { sessionId: string; title: string }) {
  const t = useT();
  const metricText = useMetricText();
  const metrics = useSessionMetrics(sessionId);
  if (metrics.error) return <LoadError error={metrics.error} />;
  const imported = (metrics.data?.metrics ?? []).filter((m) => m.source === 'import');
  return (
    <Card type="inner" size="small" loading={metrics.isLoading} title={<Link to={`/sessions/${sessionId}/review`}>{title}</Link>} data-testid={`imports-session-${sessionId}`}>
      {imported.length ? (
        <Flex gap={8} wrap>
          {imported.map((m) => (
            <Tag key={m.metric} color="blue" data-testid={`imports-value-${m.metric}`}>
              {t(`imports.metric.${m.metric}` as MessageKey)}: {metricText.value(m)} · {t('imports.sourceImport')}
            </Tag>
          ))}
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('imports.noData')}</Typography.Text>
      )}
    </Card>
  );
}

/** The imports made so far, each with undo (or its status) for those who may import. */
export function ImportHistory() {
  const t = useT();
  const f = useFormat();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const imports = useImports();
  const undo = useUndoImport();
  if (imports.error) return <LoadError error={imports.error} onRetry={() => void imports.refetch()} />;
  const columns: TableColumnsType<ImportView> = [
    { title: t('imports.col.file'), dataIndex: 'fileName', render: (n: string, r) => <Flex vertical><span>{n}</span>{r.presetName ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('imports.viaPreset', { name: r.presetName })}</Typography.Text> : null}</Flex> },
    { title: t('imports.platform'), dataIndex: 'platform', width: 120, render: (p: Platform) => t(`platform.${p}`) },
    { title: t('imports.window'), dataIndex: 'timeWindow', width: 110, render: (w: TimeWindow) => t(`imports.window.${w}`) },
    { title: t('imports.stat.rows'), dataIndex: 'rowCount', width: 70, align: 'right' },
    { title: t('imports.stat.sessions'), key: 's', width: 70, align: 'right', render: (_, r) => r.sessionIds.length },
    { title: t('imports.stat.values'), dataIndex: 'valueCount', width: 70, align: 'right' },
    { title: t('imports.col.by'), dataIndex: 'createdBy', width: 140 },
    { title: t('imports.col.at'), dataIndex: 'createdAt', width: 170, render: (at: string) => f.dateTime(at) },
    {
      title: t('imports.col.status'),
      key: 'status',
      width: 150,
      render: (_, r) =>
        r.undoneAt ? (
          <Tag>{t('imports.undone')}</Tag>
        ) : can('data:import') ? (
          <Popconfirm
            title={t('imports.undoConfirm')}
            okText={t('imports.undo')}
            cancelText={t('imports.cancel')}
            okButtonProps={tid('confirm-ok')}
            onConfirm={() => undo.mutate(r.id, { onSuccess: () => void message.success(t('imports.undoneToast')), onError: (e) => showError(e) })}
          >
            <Button size="small" danger data-testid={`imports-undo-${r.id}`}>
              {t('imports.undo')}
            </Button>
          </Popconfirm>
        ) : (
          <Tag color="green">{t('imports.active')}</Tag>
        ),
    },
  ];
  return (
    <Card size="small" title={t('imports.history')}>
      <Table<ImportView>
        size="small"
        rowKey="id"
        loading={imports.isLoading}
        dataSource={imports.data ?? []}
        columns={columns}
        scroll={{ x: 1000 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyState text={t('imports.noImports')} /> }}
        data-testid="imports-history"
      />
    </Card>
  );
}
