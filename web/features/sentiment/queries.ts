import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LexiconEntryInput, LexiconEntryView, LexiconList, SentimentTryResult } from '../../../contracts/sentiment';
import { api } from '../../app/api';

const lexiconKey = ['sentiment', 'lexicon'] as const;

export function useLexicon() {
  return useQuery({ queryKey: lexiconKey, queryFn: () => api.get<LexiconList>('/sentiment/lexicon') });
}

export function usePutLexiconEntry() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: LexiconEntryInput) => api.put<LexiconEntryView>('/sentiment/lexicon', input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['sentiment'] }),
  });
}

export function useRemoveLexiconEntry() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/sentiment/lexicon/${id}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['sentiment'] }),
  });
}

/** The "try it" box: the comment through the lexicon as it is now (the revision is part of the key). */
export function useTrySentiment(text: string, revision: number | undefined) {
  return useQuery({
    queryKey: ['sentiment', 'try', text, revision],
    queryFn: () => api.post<SentimentTryResult>('/sentiment/try', { text }),
    enabled: text.trim().length > 0 && revision !== undefined,
    placeholderData: keepPreviousData,
  });
}
