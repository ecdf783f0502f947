import { useMutation, useQuery, useQueryClient, keepPreviousData } from '@tanstack/react-query';
import type { PeopleQuery, PersonInput, PersonUpdateInput, PersonView, RevealInput, RevealView } from '../../../contracts/people';
import { api } from '../../app/api';

export const peopleKeys = {
  all: ['people'] as const,
  list: (query: PeopleQuery) => ['people', 'list', query] as const,
  one: (id: string) => ['people', 'one', id] as const,
};

export function usePeople(query: PeopleQuery = {}, enabled = true) {
  return useQuery({
    queryKey: peopleKeys.list(query),
    queryFn: () => api.get<{ items: PersonView[] }>('/people', query).then((r) => r.items),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePerson(id: string | null) {
  return useQuery({
    queryKey: peopleKeys.one(id ?? ''),
    queryFn: () => api.get<PersonView>(`/people/${id}`),
    enabled: Boolean(id),
  });
}

function useInvalidatePeople() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
    // Head counts of positions and member counts of teams follow people.
    void queryClient.invalidateQueries({ queryKey: ['teams'] });
    void queryClient.invalidateQueries({ queryKey: ['positions'] });
  };
}

export function useCreatePerson() {
  const invalidate = useInvalidatePeople();
  return useMutation({ mutationFn: (input: PersonInput) => api.post<PersonView>('/people', input), onSuccess: invalidate });
}

export function useUpdatePerson() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: PersonUpdateInput }) => api.patch<PersonView>(`/people/${id}`, input),
    onSuccess: invalidate,
  });
}

export function useDeletePerson() {
  const invalidate = useInvalidatePeople();
  return useMutation({ mutationFn: (id: string) => api.delete(`/people/${id}`), onSuccess: invalidate });
}

/** Reveal plaintext contact fields; the server records every reveal in the audit log. */
export function useRevealContacts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: RevealInput }) => api.post<RevealView>(`/people/${id}/reveal`, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['audit'] }),
  });
}
