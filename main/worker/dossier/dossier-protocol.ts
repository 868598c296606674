/** The dossier feature's worker operations (merged into WorkerSpec). */
import type { Language } from '../../../shared/api/contract.ts';
import type { Dossier, DossierNote, PersonalDataMode } from '../../../shared/dossier/types.ts';
import type { VisitList, VisitListSummary, VisitOrder } from '../../../shared/dossier/visit-list.ts';
import type { VisitListSaveParams } from '../../../shared/dossier/api.ts';

export interface DossierWorkerSpec {
  /** A customer by code, else by row id (the CLI's --customer); null when there is none. */
  dossierFindCustomer: { params: { ref: string }; result: { id: number; code: string; name: string } | null };
  dossierGet: { params: { customerId: number; personalData?: PersonalDataMode }; result: Dossier };
  dossierNotesAdd: { params: { customerId: number; date: string; text: string }; result: DossierNote[] };
  dossierNotesDelete: { params: { customerId: number; noteId: number }; result: DossierNote[] };
  dossierListsList: { params: undefined; result: VisitListSummary[] };
  dossierListsGet: { params: { name: string; personalData?: PersonalDataMode }; result: VisitList };
  dossierListsSave: { params: VisitListSaveParams; result: VisitList };
  dossierListsRename: { params: { name: string; newName: string }; result: VisitListSummary[] };
  dossierListsDelete: { params: { name: string }; result: VisitListSummary[] };
  dossierListsSetMembers: { params: { name: string; customerIds: number[] }; result: VisitList };
  dossierListsOrder: { params: { name: string; order: VisitOrder }; result: VisitList };
  /** Writes the list as .xlsx (temp + rename); masked unless personalData is 'shown'. */
  dossierListsExport: {
    params: { name: string; language: Language; personalData?: PersonalDataMode; path: string };
    result: { path: string; rows: number };
  };
}
