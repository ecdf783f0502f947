import { useState, type CSSProperties } from 'react';
import { Empty, Flex, List, Radio, Select, Spin, Tag, Typography } from 'antd';
import type { ContentDetailView, DiffPart } from '../../../contracts/content';
import { useFormat } from '../../app/ui';
import { useT } from '../../i18n';
import { useContentDiff } from './queries';

const PART_STYLE: Record<DiffPart['type'], CSSProperties> = {
  equal: {},
  added: { background: '#d9f7be', color: '#135200', textDecoration: 'none' },
  removed: { background: '#ffccc7', color: '#820014', textDecoration: 'line-through' },
};

/** The versions of an item, and the difference between any two (computed by the server). */
export function HistoryPanel({ item }: { item: ContentDetailView }) {
  const t = useT();
  const format = useFormat();
  const current = item.currentVersion;
  const [from, setFrom] = useState<number | null>(current > 1 ? current - 1 : null);
  const [to, setTo] = useState<number>(current);
  const [by, setBy] = useState<'char' | 'line'>('char');
  const diff = useContentDiff(item.id, from, to, by);
  const options = item.versions.map((v) => ({ value: v.number, label: t('content.versionN', { n: v.number }) }));

  return (
    <Flex vertical gap={12}>
      <List
        size="small"
        dataSource={item.versions}
        data-testid="content-versions"
        renderItem={(v) => (
          <List.Item
            data-testid="content-version"
            style={{ cursor: 'pointer' }}
            onClick={() => {
              if (v.number > 1) {
                setFrom(v.number - 1);
                setTo(v.number);
              }
            }}
          >
            <Flex vertical style={{ width: '100%' }}>
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong>
                  {t('content.versionN', { n: v.number })}
                  {v.number === current ? (
                    <Tag color="blue" style={{ marginInlineStart: 6 }}>
                      {t('content.current')}
                    </Tag>
                  ) : null}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {format.dateTime(v.createdAt)}
                </Typography.Text>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[v.authorName, v.note, t('content.findingCount', { n: v.findingCount }), v.blockCount ? t('content.blockCount', { n: v.blockCount }) : null].filter(Boolean).join(' · ')}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      {item.versions.length > 1 ? (
        <Flex vertical gap={8} data-testid="content-diff">
          <Flex gap={8} align="center" wrap>
            <Typography.Text>{t('content.compare')}</Typography.Text>
            <Select size="small" style={{ width: 100 }} options={options} value={from ?? undefined} onChange={setFrom} data-testid="content-diff-from" />
            <Typography.Text>→</Typography.Text>
            <Select size="small" style={{ width: 100 }} options={options} value={to} onChange={setTo} data-testid="content-diff-to" />
            <Radio.Group size="small" value={by} onChange={(e) => setBy(e.target.value as 'char' | 'line')} optionType="button">
              <Radio.Button value="char">{t('content.byChar')}</Radio.Button>
              <Radio.Button value="line">{t('content.byLine')}</Radio.Button>
            </Radio.Group>
          </Flex>
          {from === to ? (
            <Typography.Text type="secondary">{t('content.sameVersion')}</Typography.Text>
          ) : diff.isPending ? (
            <Spin />
          ) : diff.data ? (
            <>
              <Flex gap={8}>
                <Tag color="green">{t('content.added', { n: diff.data.added })}</Tag>
                <Tag color="red">{t('content.removed', { n: diff.data.removed })}</Tag>
              </Flex>
              <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', lineHeight: 1.9, border: '1px solid #f0f0f0', borderRadius: 6, padding: 10, maxHeight: 420, overflow: 'auto' }} data-testid="content-diff-text">
                {diff.data.parts.map((p, i) =>
                  p.type === 'equal' ? (
                    <span key={i}>{p.text}</span>
                  ) : (
                    <span key={i} style={PART_STYLE[p.type]} data-testid={`diff-${p.type}`}>
                      {p.text}
                    </span>
                  ),
                )}
              </div>
            </>
          ) : null}
        </Flex>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('content.oneVersion')} />
      )}
    </Flex>
  );
}
