import { useMemo } from 'react';
import { Alert, Card, Col, Flex, Row, Select, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { Raci, type DutyView, type MatrixFinding, type MatrixView } from '../../../contracts/catalog';
import { useCan } from '../../app/session';
import { EmptyState, LoadError, PageHeader, useShowError } from '../../app/ui';
import { translate, useLocalized, useT } from '../../i18n';
import { AREA_COLORS } from './DutiesPage';
import { useMatrix, useSetMatrixCell } from './queries';

export const RACI_COLORS: Record<Raci, string> = { R: 'blue', A: 'volcano', C: 'gold', I: 'green' };
const RACI_TEXT_COLORS: Record<Raci, string> = { R: '#1677ff', A: '#d4380d', C: '#d48806', I: '#389e0d' };

type FindingKind = MatrixFinding['kind'];

export default function MatrixPage() {
  const t = useT();
  const can = useCan();
  const matrix = useMatrix();
  const canWrite = can('catalog:write');
  const [params, setParams] = useSearchParams();
  const onlyFindings = params.get('findings') === '1';

  return (
    <>
      <PageHeader title={t('matrix.title')} subtitle={t('matrix.subtitle')} />
      {!canWrite ? <Alert type="info" showIcon title={t('matrix.readOnly')} style={{ marginBottom: 16 }} data-testid="matrix-read-only" /> : null}
      <Legend />
      <Card
        styles={{ body: { padding: 0 } }}
        title={
          matrix.data ? (
            <Typography.Text type={matrix.data.findings.length ? 'warning' : 'success'} data-testid="matrix-findings-count">
              {matrix.data.findings.length ? t('matrix.findingsCount', { count: matrix.data.findings.length }) : t('matrix.noFindings')}
            </Typography.Text>
          ) : null
        }
        extra={
          <Flex gap={8} align="center">
            <Switch
              size="small"
              checked={onlyFindings}
              onChange={(on) => setParams(on ? { findings: '1' } : {}, { replace: true })}
              data-testid="matrix-only-findings"
            />
            <Typography.Text>{t('matrix.onlyFindings')}</Typography.Text>
          </Flex>
        }
      >
        {matrix.isError ? (
          <LoadError error={matrix.error} onRetry={() => void matrix.refetch()} />
        ) : (
          <MatrixGrid matrix={matrix.data} loading={matrix.isPending} canWrite={canWrite} onlyFindings={onlyFindings} />
        )}
      </Card>
    </>
  );
}

function MatrixGrid({ matrix, loading, canWrite, onlyFindings }: { matrix: MatrixView | undefined; loading: boolean; canWrite: boolean; onlyFindings: boolean }) {
  const t = useT();
  const pick = useLocalized();
  const showError = useShowError();
  const setCell = useSetMatrixCell();

  const cellValue = useMemo(() => {
    const map = new Map<string, Raci>();
    for (const cell of matrix?.cells ?? []) map.set(`${cell.positionId}|${cell.dutyId}`, cell.value);
    return map;
  }, [matrix?.cells]);

  const findingsByDuty = useMemo(() => {
    const map = new Map<string, FindingKind[]>();
    for (const f of matrix?.findings ?? []) map.set(f.dutyId, [...(map.get(f.dutyId) ?? []), f.kind]);
    return map;
  }, [matrix?.findings]);

  const positions = matrix?.positions ?? [];
  const duties = (matrix?.duties ?? []).filter((d) => !onlyFindings || findingsByDuty.has(d.id));

  const options = [
    { value: '', label: t('matrix.empty') },
    ...Raci.options.map((v) => ({ value: v, label: v })),
  ];

  const columns: TableColumnsType<DutyView> = [
    {
      title: t('matrix.duty'),
      key: 'duty',
      fixed: 'left',
      width: 260,
      render: (_, d) => (
        <Flex vertical gap={4}>
          <Typography.Text strong>{pick(d.nameZh, d.nameEn)}</Typography.Text>
          <Flex gap={4} wrap align="center">
            <Tag color={AREA_COLORS[d.area]} style={{ marginInlineEnd: 0 }}>
              {t(`area.${d.area}`)}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('common.hoursPerWeek', { hours: d.weeklyHours })}
            </Typography.Text>
          </Flex>
          {(findingsByDuty.get(d.id) ?? []).map((kind) => (
            <Tooltip key={kind} title={t(`finding.${kind}.hint`)}>
              <Tag color="warning" icon={<WarningOutlined />} style={{ marginInlineEnd: 0, width: 'fit-content' }} data-testid={`matrix-finding-${d.code}-${kind}`}>
                {t(`finding.${kind}`)}
              </Tag>
            </Tooltip>
          ))}
        </Flex>
      ),
    },
    ...positions.map((p) => ({
      title: (
        <Tooltip title={p.code}>
          <span data-testid={`matrix-position-${p.code}`}>{pick(p.nameZh, p.nameEn)}</span>
        </Tooltip>
      ),
      key: p.id,
      width: 100,
      align: 'center' as const,
      render: (_: unknown, d: DutyView) => {
        const value = cellValue.get(`${p.id}|${d.id}`) ?? '';
        const testId = `matrix-cell-${p.code}-${d.code}`;
        if (!canWrite) {
          return value ? (
            <Tag color={RACI_COLORS[value]} style={{ marginInlineEnd: 0, fontWeight: 600 }} data-testid={testId} data-value={value}>
              {value}
            </Tag>
          ) : (
            <Typography.Text type="secondary" data-testid={testId} data-value="">
              ·
            </Typography.Text>
          );
        }
        return (
          <Select
            size="small"
            value={value}
            options={options}
            popupMatchSelectWidth={false}
            aria-label={t('matrix.cellLabel', { position: pick(p.nameZh, p.nameEn), duty: pick(d.nameZh, d.nameEn) })}
            data-testid={testId}
            data-value={value}
            labelRender={({ value: v }) =>
              v ? (
                <Typography.Text strong style={{ color: RACI_TEXT_COLORS[v as Raci] }}>
                  {String(v)}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">·</Typography.Text>
              )
            }
            optionRender={(option) => <span data-testid={`${testId}-option-${option.value || 'none'}`}>{option.label}</span>}
            onChange={(next: string) => {
              const parsed = Raci.safeParse(next);
              setCell.mutate(
                { positionId: p.id, dutyId: d.id, value: parsed.success ? parsed.data : null },
                { onError: (e) => showError(e) },
              );
            }}
          />
        );
      },
    })),
  ];

  return (
    <Table<DutyView>
      rowKey="id"
      size="small"
      bordered
      className="sr-matrix"
      data-testid="matrix-table"
      loading={loading}
      dataSource={duties}
      columns={columns}
      scroll={{ x: 260 + positions.length * 100 }}
      pagination={false}
      rowClassName={(d) => (findingsByDuty.has(d.id) ? 'sr-finding-row' : '')}
      onRow={(d) => ({ 'data-testid': `matrix-row-${d.code}` }) as Record<never, never>}
      locale={{ emptyText: <EmptyState text={onlyFindings ? t('matrix.noFindings') : t('matrix.emptyGrid')} /> }}
    />
  );
}

/** R/A/C/I explained in both languages side by side, whichever language is on. */
function Legend() {
  const t = useT();
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="matrix-legend">
      <Row gutter={[16, 12]}>
        {Raci.options.map((v) => (
          <Col key={v} xs={24} sm={12} xl={6}>
            <Flex gap={10} align="flex-start">
              <Tag color={RACI_COLORS[v]} style={{ fontWeight: 700, marginInlineEnd: 0, minWidth: 28, textAlign: 'center' }}>
                {v}
              </Tag>
              <div>
                <Typography.Text strong>
                  {translate('zh-CN', `raci.${v}`)} · {translate('en-US', `raci.${v}`)}
                </Typography.Text>
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {translate('zh-CN', `raci.${v}.hint`)}
                </Typography.Text>
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {translate('en-US', `raci.${v}.hint`)}
                </Typography.Text>
              </div>
            </Flex>
          </Col>
        ))}
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>
        {t('matrix.legend')}: {t('matrix.rule')}
      </Typography.Text>
    </Card>
  );
}
