import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, Modal, Progress, Select, Space, Typography } from 'antd';
import { TimeWindow } from '../../../contracts/analytics';
import type { ColumnMapping, ImportMapping, ImportView, ParseResult, PresetView, PreviewResult, RowError } from '../../../contracts/imports';
import { Platform } from '../../../contracts/team';
import { ApiError } from '../../app/api';
import { useCan } from '../../app/session';
import { PageHeader, tid, useShowError } from '../../app/ui';
import { useT } from '../../i18n';
import { AppliedCard, ImportHistory } from './ImportHistory';
import { columnsFor, readBase64, RowErrors, type FileInput } from './import-file';
import { MappingTable, patchColumn } from './MappingTable';
import { PreviewTable } from './PreviewTable';
import { useApplyImport, useParseFile, usePresets, usePreviewImport, useSavePreset } from './queries';
import { UploadCard, type ParseOptions } from './UploadCard';

/** Importing a platform export: upload → sheet and header row → column mapping (presets) → preview with row errors → apply. */
export default function ImportsPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const presets = usePresets();
  const parse = useParseFile();
  const preview = usePreviewImport();
  const [progress, setProgress] = useState<number | null>(null);
  const apply = useApplyImport((f) => setProgress(f));
  const savePreset = useSavePreset();

  const [file, setFile] = useState<FileInput | null>(null);
  const [parsed, setParsed] = useState<ParseResult | null>(null);
  const [platform, setPlatform] = useState<Platform>('douyin');
  const [timeWindow, setTimeWindow] = useState<TimeWindow>('live');
  const [columns, setColumns] = useState<ColumnMapping[]>([]);
  const [preset, setPreset] = useState<{ id: string; name: string; auto: boolean } | null>(null);
  const [result, setResult] = useState<PreviewResult | null>(null);
  const [applyErrors, setApplyErrors] = useState<RowError[] | null>(null);
  const [applied, setApplied] = useState<ImportView | null>(null);
  const [naming, setNaming] = useState(false);
  const [presetName, setPresetName] = useState('');

  const mapping: ImportMapping = { platform, timeWindow, columns };
  const options = parsed ? { sheet: parsed.sheet, headerRow: parsed.headerRow } : {};

  const applyPreset = (p: PresetView, headers: string[], auto: boolean) => {
    setPlatform(p.mapping.platform);
    setTimeWindow(p.mapping.timeWindow);
    setColumns(columnsFor(headers, p.mapping.columns));
    setPreset({ id: p.id, name: p.name, auto });
  };

  const runParse = (input: FileInput, opts: ParseOptions, previous: ColumnMapping[]) => {
    setResult(null);
    setApplyErrors(null);
    parse.mutate(
      { ...input, ...opts },
      {
        onSuccess: (p) => {
          setParsed(p);
          if (p.preset) applyPreset(p.preset, p.headers, true);
          else {
            setPreset(null);
            setColumns(columnsFor(p.headers, previous));
          }
        },
        onError: (e) => {
          setParsed(null);
          showError(e);
        },
      },
    );
  };

  const load = async (raw: File) => {
    const input = { fileName: raw.name, contentBase64: await readBase64(raw) };
    setFile(input);
    setApplied(null);
    runParse(input, {}, columns);
  };

  const change = (i: number, patch: Partial<ColumnMapping>) => {
    setResult(null);
    setApplyErrors(null);
    setColumns((cols) => cols.map((c, j) => (j === i ? patchColumn(c, patch) : c)));
  };

  const runPreview = () => {
    if (!file) return;
    setApplyErrors(null);
    setApplied(null);
    preview.mutate({ ...file, ...options, mapping, presetId: preset?.id ?? null }, { onSuccess: setResult, onError: (e) => showError(e) });
  };

  const runApply = () => {
    if (!file) return;
    setProgress(0);
    apply.mutate(
      { ...file, ...options, mapping, presetId: preset?.id ?? null },
      {
        onSuccess: (v) => {
          setApplied(v);
          setProgress(null);
          void message.success(t('imports.applied', { rows: v.rowCount, values: v.valueCount }));
        },
        onError: (e) => {
          setProgress(null);
          if (e instanceof ApiError && e.code === 'import/rows-invalid') {
            const d = RowErrors.safeParse(e.details);
            setApplyErrors(d.success ? d.data.errors : []);
          }
          showError(e);
        },
      },
    );
  };

  const saveAsPreset = (id?: string) => {
    if (!parsed) return;
    const name = id ? preset!.name : presetName.trim();
    savePreset.mutate(
      { id, input: { name, headers: parsed.headers.filter(Boolean), mapping } },
      {
        onSuccess: (p) => {
          setPreset({ id: p.id, name: p.name, auto: false });
          setNaming(false);
          void message.success(t('imports.presetSaved', { name: p.name }));
        },
        onError: (e) => showError(e),
      },
    );
  };

  const errors = applyErrors ?? result?.errors ?? [];

  return (
    <>
      <PageHeader title={t('nav.imports')} subtitle={t('imports.subtitle')} testId="imports-page" />
      <Flex vertical gap={16}>
        {can('data:import') ? <UploadCard parsed={parsed} parsing={parse.isPending} onFile={(f) => void load(f)} onReparse={(opts) => file && runParse(file, opts, columns)} /> : null}

        {parsed && can('data:import') ? (
          <Card
            size="small"
            title={t('imports.step.map')}
            extra={
              <Space wrap>
                <Select
                  style={{ minWidth: 200 }}
                  allowClear
                  placeholder={t('imports.choosePreset')}
                  value={preset?.id}
                  onChange={(id?: string) => {
                    const p = presets.data?.find((x) => x.id === id);
                    if (p) applyPreset(p, parsed.headers, false);
                    else setPreset(null);
                    setResult(null);
                  }}
                  options={(presets.data ?? []).map((p) => ({ value: p.id, label: `${p.name} · ${t(`platform.${p.platform}`)}` }))}
                  data-testid="imports-preset"
                />
                {preset ? (
                  <Button onClick={() => saveAsPreset(preset.id)} loading={savePreset.isPending} data-testid="imports-preset-update">
                    {t('imports.updatePreset')}
                  </Button>
                ) : null}
                <Button onClick={() => { setPresetName(''); setNaming(true); }} data-testid="imports-preset-save">
                  {t('imports.savePreset')}
                </Button>
              </Space>
            }
          >
            {preset?.auto ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('imports.presetAuto', { name: preset.name })} data-testid="imports-preset-auto" /> : null}
            <Flex gap={16} wrap style={{ marginBottom: 12 }}>
              <Space>
                {t('imports.platform')}
                <Select style={{ minWidth: 160 }} value={platform} onChange={(v) => { setPlatform(v); setResult(null); }} options={Platform.options.map((p) => ({ value: p, label: t(`platform.${p}`) }))} data-testid="imports-platform" />
              </Space>
              <Space>
                {t('imports.window')}
                <Select style={{ minWidth: 200 }} value={timeWindow} onChange={(v) => { setTimeWindow(v); setResult(null); }} options={TimeWindow.options.map((w) => ({ value: w, label: t(`imports.window.${w}`) }))} data-testid="imports-window" />
              </Space>
            </Flex>
            <MappingTable parsed={parsed} columns={columns} onChange={change} />
            <Flex justify="space-between" align="center" gap={12} style={{ marginTop: 12 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('imports.matchHint')}
              </Typography.Text>
              <Button type="primary" onClick={runPreview} loading={preview.isPending} data-testid="imports-preview">
                {t('imports.preview')}
              </Button>
            </Flex>
          </Card>
        ) : null}

        {result && can('data:import') ? (
          <Card size="small" title={t('imports.step.preview')} data-testid="imports-preview-card">
            <PreviewTable result={result} errors={errors} />
            <Flex justify="flex-end" align="center" gap={16} style={{ marginTop: 12 }}>
              {progress !== null ? (
                <Flex vertical style={{ width: 320 }} data-testid="imports-progress">
                  <Progress percent={Math.round(progress * 100)} status="active" />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {progress < 1 ? t('imports.uploading') : t('imports.applying')}
                  </Typography.Text>
                </Flex>
              ) : null}
              <Button type="primary" disabled={errors.length > 0 || result.rowCount === 0 || applied !== null} onClick={runApply} loading={apply.isPending} data-testid="imports-apply">
                {t('imports.apply')}
              </Button>
            </Flex>
          </Card>
        ) : null}

        {applied ? <AppliedCard imported={applied} titles={new Map((result?.rows ?? []).flatMap((r) => (r.session ? [[r.session.id, r.session.title] as const] : [])))} /> : null}

        <ImportHistory />
      </Flex>
      <Modal
        open={naming}
        title={t('imports.savePreset')}
        onCancel={() => setNaming(false)}
        onOk={() => saveAsPreset()}
        okButtonProps={{ disabled: !presetName.trim(), ...tid('imports-preset-ok') }}
        confirmLoading={savePreset.isPending}
        okText={t('imports.save')}
        cancelText={t('imports.cancel')}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('imports.presetHint', { platform: t(`platform.${platform}`) })}</Typography.Paragraph>
        <Input value={presetName} maxLength={80} onChange={(e) => setPresetName(e.target.value)} placeholder={t('imports.presetName')} data-testid="imports-preset-name" />
      </Modal>
    </>
  );
}
