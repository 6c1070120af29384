import { Paper, Tabs, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Markdown } from '../../components/Markdown';

interface MarkdownEditorProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
}

/** A Markdown text with a preview of how it will read, rendered the same way the pages show it. */
export function MarkdownEditor({ label, value, onChange, error, required }: MarkdownEditorProps) {
  const { t } = useTranslation(['principles']);
  return (
    <Tabs defaultValue="write" keepMounted={false}>
      <Tabs.List aria-label={t('markdown.modes', { label })}>
        <Tabs.Tab value="write">{t('markdown.write')}</Tabs.Tab>
        <Tabs.Tab value="preview">{t('markdown.preview')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="write" pt="xs">
        <Textarea
          label={label}
          description={t('markdown.hint')}
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
          error={error}
          required={required}
          autosize
          minRows={8}
          maxRows={24}
        />
      </Tabs.Panel>
      <Tabs.Panel value="preview" pt="xs">
        <Paper withBorder p="md" mih={120}>
          {value.trim() ? (
            <Markdown topHeading={3}>{value}</Markdown>
          ) : (
            <Text c="dimmed" size="sm">
              {t('markdown.nothing')}
            </Text>
          )}
        </Paper>
        {error && (
          <Text c="red" size="sm" mt={4}>
            {label}: {error}
          </Text>
        )}
      </Tabs.Panel>
    </Tabs>
  );
}
