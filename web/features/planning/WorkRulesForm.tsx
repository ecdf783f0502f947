import { useEffect, useState } from 'react';
import { App, Button, Flex, Form, InputNumber, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { WorkRules } from '../../../contracts/planning';
import { localizeMessage } from '../../app/forms';
import { useShowError } from '../../app/ui';
import { useT, type MessageKey } from '../../i18n';
import { useDuration } from './labels';
import { useSetWorkRules, useWorkRules } from './queries';

type Field = keyof WorkRules;
const FIELDS: { field: Field; label: MessageKey; hint: MessageKey }[] = [
  { field: 'maxContinuousMinutes', label: 'workRules.maxContinuous', hint: 'workRules.maxContinuousHint' },
  { field: 'minRestMinutes', label: 'workRules.minRest', hint: 'workRules.minRestHint' },
  { field: 'maxDailyMinutes', label: 'workRules.maxDaily', hint: 'workRules.maxDailyHint' },
  { field: 'maxWeeklyMinutes', label: 'workRules.maxWeekly', hint: 'workRules.maxWeeklyHint' },
];

type HM = { h: number | null; m: number | null };
type Draft = Record<Field, HM>;

const toHM = (minutes: number | null | undefined): HM => (minutes === null || minutes === undefined ? { h: null, m: null } : { h: Math.floor(minutes / 60), m: minutes % 60 });
const toMinutes = ({ h, m }: HM): number | null => (h === null && m === null ? null : (h ?? 0) * 60 + (m ?? 0));

/**
 * On-air limits of a position, or one person's own limits over their position's. Minutes are edited as hours + minutes;
 * both empty means "no limit" (a position) or "as the position" (a person).
 */
export function WorkRulesForm({ subject, id, canWrite }: { subject: 'position' | 'person'; id: string; canWrite: boolean }) {
  const t = useT();
  const duration = useDuration();
  const { message } = App.useApp();
  const showError = useShowError();
  const rules = useWorkRules(subject, id);
  const save = useSetWorkRules();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const own = subject === 'position' ? rules.data?.position : rules.data?.person;
  useEffect(() => {
    if (!rules.data) return;
    setDraft(Object.fromEntries(FIELDS.map(({ field }) => [field, toHM(own?.[field])])) as Draft);
    setErrors({});
  }, [rules.data]);

  if (!draft) return <Typography.Text type="secondary">{rules.isError ? (rules.error as Error).message : '…'}</Typography.Text>;

  const submit = () => {
    const value = Object.fromEntries(FIELDS.map(({ field }) => [field, toMinutes(draft[field])]));
    const parsed = WorkRules.safeParse(value);
    if (!parsed.success) {
      const next: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field;
        next[field] = issue.code === 'too_small' || issue.code === 'too_big' ? t('workRules.range', { min: duration(field === 'minRestMinutes' ? 0 : 15), max: duration(field === 'maxWeeklyMinutes' ? 10080 : 1440) }) : localizeMessage(issue.message);
      }
      setErrors(next);
      return;
    }
    save.mutate(
      { subject, id, rules: parsed.data },
      { onSuccess: () => void message.success(t('common.saved')), onError: (e) => showError(e) },
    );
  };

  const fallback = (field: Field) => {
    if (subject === 'position') return t('workRules.noLimit');
    const pos = rules.data?.position?.[field];
    return pos === null || pos === undefined ? t('workRules.asPositionNone') : t('workRules.asPosition', { value: duration(pos) });
  };

  return (
    <Form layout="vertical" data-testid={`work-rules-form-${subject}`} disabled={!canWrite}>
      {FIELDS.map(({ field, label, hint }) => (
        <Form.Item
          key={field}
          label={t(label)}
          validateStatus={errors[field] ? 'error' : undefined}
          help={errors[field] ?? <span style={{ fontSize: 12 }}>{t(hint)}</span>}
          style={{ marginBottom: 20 }}
        >
          <Flex gap={8} align="center" wrap>
            <InputNumber
              min={0}
              max={168}
              precision={0}
              value={draft[field].h}
              placeholder="—"
              onChange={(h) => {
                setDraft({ ...draft, [field]: { ...draft[field], h } });
                setErrors({ ...errors, [field]: undefined });
              }}
              suffix={t('workRules.h')}
              style={{ width: 110 }}
              data-testid={`work-rules-${field}-h`}
            />
            <InputNumber
              min={0}
              max={59}
              step={15}
              precision={0}
              value={draft[field].m}
              placeholder="—"
              onChange={(m) => {
                setDraft({ ...draft, [field]: { ...draft[field], m } });
                setErrors({ ...errors, [field]: undefined });
              }}
              suffix={t('workRules.min')}
              style={{ width: 110 }}
              data-testid={`work-rules-${field}-m`}
            />
            {toMinutes(draft[field]) === null ? <Typography.Text type="secondary">{fallback(field)}</Typography.Text> : null}
            {subject === 'person' && rules.data ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('workRules.effective', {
                  value: rules.data.effective[field] === null ? t('workRules.noLimit') : duration(rules.data.effective[field]!),
                })}
              </Typography.Text>
            ) : null}
          </Flex>
        </Form.Item>
      ))}
      {canWrite ? (
        <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={submit} data-testid={`work-rules-save-${subject}`}>
          {t('action.save')}
        </Button>
      ) : null}
    </Form>
  );
}
