import { useState } from 'react';
import { App, Button, Empty, Flex, Input, Modal, Tag, Typography } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import type { ContentDetailView, ContentFinding } from '../../../contracts/content';
import { localizeMessage } from '../../app/forms';
import { tid, useShowError } from '../../app/ui';
import { useLocale, useT } from '../../i18n';
import { useCategories } from '../compliance/queries';
import { SeverityTag } from './labels';
import { useWaive } from './queries';

const RANK = { block: 0, warn: 1, info: 2 } as const;
const EVASION_KEYS = new Set(['width', 'traditional', 'noise', 'repeat', 'fancy', 'lookalike', 'pinyin']);
type EvasionKey = 'width' | 'traditional' | 'noise' | 'repeat' | 'fancy' | 'lookalike' | 'pinyin';

/** The current version's findings, most severe first: the text, the rule, the suggested fix, and the waiver if any. */
export function FindingsList({ item, canWaive }: { item: ContentDetailView; canWaive: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const categories = useCategories();
  const categoryName = (key: string) => {
    const c = categories.data?.find((x) => x.key === key);
    return c ? (locale === 'zh-CN' ? c.nameZh : c.nameEn) : key;
  };
  const [waiving, setWaiving] = useState<ContentFinding | null>(null);
  const sorted = [...item.findings].sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.start - b.start);
  if (!sorted.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('content.clean')} />;
  return (
    <Flex vertical gap={10} data-testid="content-findings">
      {sorted.map((f) => {
        const waiver = f.waiverId !== null ? item.waivers.find((w) => w.id === f.waiverId) : undefined;
        return (
          <div
            key={`${f.rule}-${f.start}-${f.end}`}
            data-testid="content-finding"
            data-severity={f.severity}
            data-rule={f.rule}
            data-waived={waiver ? 'true' : 'false'}
            style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '8px 12px', background: waiver ? '#fafafa' : undefined }}
          >
            <Flex gap={8} align="center" wrap>
              <SeverityTag severity={f.severity} />
              <Typography.Text strong delete={Boolean(waiver)}>「{item.body.slice(f.start, f.end)}」</Typography.Text>
              {f.term !== item.body.slice(f.start, f.end) ? <Typography.Text type="secondary">→ {f.term}</Typography.Text> : null}
              {f.evasion.length ? <Tag style={{ marginInlineEnd: 0 }}>{t('content.evasion', { families: f.evasion.map((e) => (EVASION_KEYS.has(e) ? t(`contentEvasion.${e as EvasionKey}`) : e)).join(t('common.listSeparator')) })}</Tag> : null}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 2 }}>
              {categoryName(f.category)} · {f.rule}
            </Typography.Text>
            {f.suggestion ? (
              <Typography.Text style={{ fontSize: 13, display: 'block', marginTop: 4 }} data-testid="finding-suggestion">
                {t('content.suggestion', { text: f.suggestion })}
              </Typography.Text>
            ) : null}
            {waiver ? (
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }} data-testid="finding-waiver">
                <SafetyOutlined /> {t('content.waivedBy', { name: waiver.waivedByName ?? '—', reason: waiver.reason })}
              </Typography.Text>
            ) : f.severity === 'block' && canWaive ? (
              <Button size="small" style={{ marginTop: 6 }} onClick={() => setWaiving(f)} data-testid="finding-waive">
                {t('content.waive')}
              </Button>
            ) : null}
          </div>
        );
      })}
      <WaiveModal item={item} finding={waiving} onClose={() => setWaiving(null)} />
    </Flex>
  );
}

function WaiveModal({ item, finding, onClose }: { item: ContentDetailView; finding: ContentFinding | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const waive = useWaive(item.id);
  const [reason, setReason] = useState('');
  const [error, setError] = useState(false);
  const submit = () => {
    if (!finding) return;
    if (reason.trim().length < 3) return setError(true);
    waive.mutate(
      { rule: finding.rule, start: finding.start, end: finding.end, reason: reason.trim() },
      {
        onSuccess: () => {
          setReason('');
          onClose();
          void message.success(t('content.waivedDone'));
        },
        onError: (e) => showError(e),
      },
    );
  };
  return (
    <Modal
      open={finding !== null}
      title={t('content.waiveTitle', { text: finding ? item.body.slice(finding.start, finding.end) : '' })}
      onCancel={onClose}
      onOk={submit}
      okText={t('content.waive')}
      cancelText={t('action.cancel')}
      okButtonProps={{ loading: waive.isPending, ...tid('finding-waive-confirm') }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('content.waiveHint')}</Typography.Paragraph>
      <Input.TextArea
        rows={3}
        maxLength={2000}
        value={reason}
        status={error ? 'error' : undefined}
        placeholder={t('content.reasonPlaceholder')}
        onChange={(e) => {
          setReason(e.target.value);
          setError(false);
        }}
        data-testid="finding-waive-reason"
      />
      {error ? <Typography.Text type="danger">{localizeMessage('at least 3 characters / 至少 3 个字符')}</Typography.Text> : null}
    </Modal>
  );
}
