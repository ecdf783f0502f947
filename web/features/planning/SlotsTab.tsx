import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { Alert, App, Button, Flex, Input, InputNumber, Progress, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, HolderOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import { SlotsInput, type MechanicKind as MechanicKindSchema, type SessionDetailView, type SlotType, type SlotView } from '../../../contracts/planning';
import { useCan } from '../../app/session';
import { useShowError } from '../../app/ui';
import { useT } from '../../i18n';
import { useProducts } from '../products/queries';
import { SLOT_TYPE_COLORS, useDuration, useMechanicOptions, useSlotTypeOptions } from './labels';
import { useSetSlots } from './queries';
import { minutesBetween } from './time';
import { useRuleGuard } from './violations';

type MechanicKind = z.infer<typeof MechanicKindSchema>;

interface Mechanic {
  kind: MechanicKind;
  description: string;
}

interface SlotDraft {
  key: string;
  productId: string | null;
  /** Shown while the product list loads, or when the product is no longer in it. */
  productLabel: string | null;
  plannedMinutes: number | null;
  slotType: SlotType;
  talkingPoints: string;
  mechanics: Mechanic[];
}

let nextKey = 0;
const newKey = () => `new-${++nextKey}`;

function fromView(slots: SlotView[]): SlotDraft[] {
  return slots.map((s) => ({
    key: s.id,
    productId: s.productId,
    productLabel: `${s.productSku} · ${s.productName}`,
    plannedMinutes: s.plannedMinutes,
    slotType: s.slotType,
    talkingPoints: s.talkingPoints,
    mechanics: s.mechanics.map((m) => ({ ...m })),
  }));
}

function toInput(rows: SlotDraft[]) {
  return {
    slots: rows.map((r) => ({
      productId: r.productId ?? '',
      plannedMinutes: r.plannedMinutes ?? 0,
      slotType: r.slotType,
      talkingPoints: r.talkingPoints,
      mechanics: r.mechanics,
    })),
  };
}

function move<T>(list: T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return list;
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item!);
  return copy;
}

/** The run of show: ordered product slots, reordered by drag and drop or the arrows, saved as a whole. */
export function SlotsTab({ session, editable }: { session: SessionDetailView; editable: boolean }) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const duration = useDuration();
  const slotTypeOptions = useSlotTypeOptions();
  const mechanicOptions = useMechanicOptions();
  const products = useProducts({}, can('catalog:read'));
  const setSlots = useSetSlots();
  const guard = useRuleGuard();
  const [rows, setRows] = useState<SlotDraft[]>(() => fromView(session.slots));
  const [expanded, setExpanded] = useState<string[]>([]);
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const [dragOver, setDragOver] = useState<number | null>(null);
  const dragFrom = useRef<number | null>(null);

  const serverKey = JSON.stringify(toInput(fromView(session.slots)));
  useEffect(() => {
    setRows(fromView(session.slots));
    setInvalid(new Set());
  }, [serverKey]);

  const dirty = JSON.stringify(toInput(rows)) !== serverKey;
  const total = rows.reduce((a, r) => a + (r.plannedMinutes ?? 0), 0);
  const sessionMinutes = minutesBetween(session.plannedStart, session.plannedEnd);
  const over = total > sessionMinutes;

  const productOptions = useMemo(() => {
    const list = (products.data ?? []).map((p) => ({ value: p.id, label: `${p.sku} · ${p.name}` }));
    for (const r of rows) if (r.productId && r.productLabel && !list.some((o) => o.value === r.productId)) list.push({ value: r.productId, label: r.productLabel });
    return list;
  }, [products.data, rows]);

  const patch = (index: number, change: Partial<SlotDraft>) => {
    setRows((old) => old.map((r, i) => (i === index ? { ...r, ...change } : r)));
    setInvalid((old) => {
      const next = new Set(old);
      for (const field of Object.keys(change)) next.delete(`${index}.${field}`);
      return next;
    });
  };
  const reorder = (from: number, to: number) => {
    setRows((old) => move(old, from, to));
    setInvalid(new Set());
  };
  const add = () => {
    const key = newKey();
    setRows((old) => [...old, { key, productId: null, productLabel: null, plannedMinutes: 15, slotType: 'traffic', talkingPoints: '', mechanics: [] }]);
    setExpanded((old) => [...old, key]);
  };

  const save = () => {
    const parsed = SlotsInput.safeParse(toInput(rows));
    if (!parsed.success) {
      const bad = new Set<string>();
      for (const issue of parsed.error.issues) {
        const [, index, field] = issue.path;
        if (typeof index === 'number') bad.add(`${index}.${String(field ?? '')}`);
      }
      setInvalid(bad);
      const rowsWithErrors = [...new Set([...bad].map((k) => Number(k.split('.')[0]) + 1))].join(', ');
      void message.error(t('slots.invalid', { rows: rowsWithErrors }));
      // Talking points and mechanics live in the expanded part of a row.
      setExpanded((old) => [...new Set([...old, ...[...bad].filter((k) => /\.(talkingPoints|mechanics)/.test(k)).map((k) => rows[Number(k.split('.')[0])]!.key)])]);
      return;
    }
    void guard.run(() => setSlots.mutateAsync({ id: session.id, input: parsed.data }), {
      overridable: false,
      onSuccess: () => void message.success(t('common.saved')),
      onError: (e) => showError(e),
    });
  };

  const isBad = (index: number, field: string) => invalid.has(`${index}.${field}`) || [...invalid].some((k) => k.startsWith(`${index}.${field}.`));

  const columns: TableColumnsType<SlotDraft> = [
    {
      title: '#',
      key: 'order',
      width: 64,
      render: (_, __, index) => (
        <Flex align="center" gap={6}>
          {editable ? (
            <Tooltip title={t('slots.dragHint')}>
              <span
                draggable
                onDragStart={(e) => {
                  dragFrom.current = index;
                  e.dataTransfer.effectAllowed = 'move';
                  e.dataTransfer.setData('text/plain', String(index));
                  const row = (e.currentTarget as HTMLElement).closest('tr');
                  if (row) e.dataTransfer.setDragImage(row, 24, 16);
                }}
                onDragEnd={() => {
                  dragFrom.current = null;
                  setDragOver(null);
                }}
                style={{ cursor: 'grab', color: '#8c8c8c', padding: '4px 2px' }}
                aria-label={t('slots.dragHint')}
                data-testid={`slot-drag-${index}`}
              >
                <HolderOutlined />
              </span>
            </Tooltip>
          ) : null}
          <Typography.Text strong>{index + 1}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('slots.product'),
      key: 'product',
      render: (_, row, index) => (
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          disabled={!editable}
          value={row.productId ?? undefined}
          placeholder={t('slots.pickProduct')}
          status={isBad(index, 'productId') ? 'error' : undefined}
          options={productOptions}
          loading={products.isPending}
          onChange={(id: string) => patch(index, { productId: id, productLabel: productOptions.find((o) => o.value === id)?.label ?? null })}
          style={{ width: '100%', minWidth: 220 }}
          data-testid={`slot-product-${index}`}
        />
      ),
    },
    {
      title: t('slots.type'),
      key: 'type',
      width: 140,
      render: (_, row, index) => (
        <Select
          disabled={!editable}
          value={row.slotType}
          options={slotTypeOptions.map((o) => ({ ...o, label: <Tag color={SLOT_TYPE_COLORS[o.value]} style={{ marginInlineEnd: 0 }}>{o.label}</Tag> }))}
          onChange={(v: SlotType) => patch(index, { slotType: v })}
          style={{ width: '100%' }}
          data-testid={`slot-type-${index}`}
        />
      ),
    },
    {
      title: t('slots.minutes'),
      key: 'minutes',
      width: 130,
      render: (_, row, index) => (
        <InputNumber
          disabled={!editable}
          min={1}
          max={600}
          precision={0}
          value={row.plannedMinutes}
          status={isBad(index, 'plannedMinutes') ? 'error' : undefined}
          onChange={(v) => patch(index, { plannedMinutes: v })}
          suffix={t('slots.minUnit')}
          style={{ width: '100%' }}
          data-testid={`slot-minutes-${index}`}
        />
      ),
    },
    {
      title: t('slots.mechanics'),
      key: 'mechanics',
      width: 200,
      responsive: ['lg'],
      render: (_, row) =>
        row.mechanics.length ? (
          <Flex gap={4} wrap>
            {row.mechanics.map((m, i) => (
              <Tooltip key={i} title={m.description}>
                <Tag style={{ marginInlineEnd: 0 }}>{t(`mechanic.${m.kind}`)}</Tag>
              </Tooltip>
            ))}
          </Flex>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    ...(editable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 120,
            render: (_: unknown, __: SlotDraft, index: number) => (
              <Flex gap={2}>
                <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => reorder(index, index - 1)} aria-label={t('action.moveUp')} data-testid={`slot-up-${index}`} />
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowDownOutlined />}
                  disabled={index === rows.length - 1}
                  onClick={() => reorder(index, index + 1)}
                  aria-label={t('action.moveDown')}
                  data-testid={`slot-down-${index}`}
                />
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => setRows((old) => old.filter((_, i) => i !== index))}
                  aria-label={t('action.remove')}
                  data-testid={`slot-remove-${index}`}
                />
              </Flex>
            ),
          },
        ]
      : []),
  ];

  const details = (row: SlotDraft, index: number) => (
    <Flex gap={16} wrap style={{ padding: '4px 8px' }} data-testid={`slot-details-${index}`}>
      <div style={{ flex: '1 1 320px', minWidth: 0 }}>
        <Typography.Text strong>{t('slots.talkingPoints')}</Typography.Text>
        <Input.TextArea
          disabled={!editable}
          autoSize={{ minRows: 3, maxRows: 10 }}
          maxLength={4000}
          value={row.talkingPoints}
          status={isBad(index, 'talkingPoints') ? 'error' : undefined}
          onChange={(e) => patch(index, { talkingPoints: e.target.value })}
          placeholder={t('slots.talkingPointsHint')}
          style={{ marginTop: 4 }}
          data-testid={`slot-talking-${index}`}
        />
      </div>
      <div style={{ flex: '1 1 360px', minWidth: 0 }}>
        <Typography.Text strong>{t('slots.mechanics')}</Typography.Text>
        <Flex vertical gap={6} style={{ marginTop: 4 }}>
          {row.mechanics.map((m, mi) => (
            <Flex key={mi} gap={6}>
              <Select
                disabled={!editable}
                value={m.kind}
                options={mechanicOptions}
                onChange={(kind: MechanicKind) => patch(index, { mechanics: row.mechanics.map((x, xi) => (xi === mi ? { ...x, kind } : x)) })}
                style={{ width: 120, flex: 'none' }}
                data-testid={`slot-mechanic-kind-${index}-${mi}`}
              />
              <Input
                disabled={!editable}
                value={m.description}
                maxLength={200}
                status={isBad(index, `mechanics.${mi}`) ? 'error' : undefined}
                placeholder={t('slots.mechanicHint')}
                onChange={(e) => patch(index, { mechanics: row.mechanics.map((x, xi) => (xi === mi ? { ...x, description: e.target.value } : x)) })}
                data-testid={`slot-mechanic-text-${index}-${mi}`}
              />
              {editable ? (
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('action.remove')}
                  onClick={() => patch(index, { mechanics: row.mechanics.filter((_, xi) => xi !== mi) })}
                />
              ) : null}
            </Flex>
          ))}
          {editable && row.mechanics.length < 10 ? (
            <Button
              size="small"
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => patch(index, { mechanics: [...row.mechanics, { kind: 'coupon', description: '' }] })}
              style={{ alignSelf: 'flex-start' }}
              data-testid={`slot-mechanic-add-${index}`}
            >
              {t('slots.addMechanic')}
            </Button>
          ) : null}
          {!editable && !row.mechanics.length ? <Typography.Text type="secondary">{t('common.none')}</Typography.Text> : null}
        </Flex>
      </div>
    </Flex>
  );

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Flex vertical style={{ minWidth: 260, flex: '1 1 260px', maxWidth: 520 }}>
          <Typography.Text data-testid="slots-total" data-over={over ? 'true' : 'false'} type={over ? 'danger' : undefined} strong={over}>
            {t('slots.total', { planned: duration(total), session: duration(sessionMinutes) })}
            {over ? ` · ${t('slots.over', { minutes: duration(total - sessionMinutes) })}` : ''}
          </Typography.Text>
          <Progress
            percent={sessionMinutes > 0 ? Math.min(100, Math.round((total / sessionMinutes) * 100)) : 0}
            status={over ? 'exception' : 'normal'}
            strokeColor={over ? '#ff4d4f' : undefined}
            showInfo={false}
            size="small"
          />
        </Flex>
        {editable ? (
          <Flex gap={8} align="center">
            {dirty ? <Typography.Text type="warning">{t('common.unsaved')}</Typography.Text> : null}
            <Button icon={<PlusOutlined />} onClick={add} data-testid="slot-add">
              {t('slots.add')}
            </Button>
            <Button disabled={!dirty} onClick={() => setRows(fromView(session.slots))} data-testid="slots-reset">
              {t('action.reset')}
            </Button>
            <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} loading={setSlots.isPending} onClick={save} data-testid="slots-save">
              {t('slots.save')}
            </Button>
          </Flex>
        ) : null}
      </Flex>
      {over && session.status !== 'draft' && editable ? <Alert type="error" showIcon title={t('slots.overScheduled')} /> : null}
      {!editable ? <Alert type="info" showIcon title={t('session.lockedHint')} /> : null}
      <Table<SlotDraft>
        rowKey="key"
        size="middle"
        pagination={false}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 820 }}
        data-testid="slots-table"
        expandable={{
          expandedRowKeys: expanded,
          onExpandedRowsChange: (keys) => setExpanded(keys as string[]),
          expandedRowRender: details,
        }}
        onRow={(_, index) =>
          ({
            'data-testid': `slot-row-${index}`,
            style: dragOver === index ? { boxShadow: 'inset 0 3px 0 #1677ff' } : undefined,
            onDragOver: (e: DragEvent) => {
              if (dragFrom.current === null) return;
              e.preventDefault();
              e.dataTransfer.dropEffect = 'move';
              if (dragOver !== index) setDragOver(index ?? null);
            },
            onDrop: (e: DragEvent) => {
              e.preventDefault();
              const from = dragFrom.current ?? Number(e.dataTransfer.getData('text/plain'));
              dragFrom.current = null;
              setDragOver(null);
              if (index !== undefined && Number.isInteger(from)) reorder(from, index);
            },
          }) as Record<never, never>
        }
        locale={{ emptyText: <Typography.Text type="secondary">{t('slots.empty')}</Typography.Text> }}
      />
      {guard.modal}
    </Flex>
  );
}
