import { createContext, useContext } from 'react';
import type { CurrentUser } from './auth';

/** Mirrors the server's policies (AuthPolicies.cs); the server still decides, this only hides what would be refused. */
export const canManagePayments = (role: string | undefined) => role === undefined || role === 'owner' || role === 'agent';
/** Team, payment settings and the activity log are the owner's (the server's OwnerOnly and ManageMoney policies). */
export const isOwner = (role: string | undefined) => role === 'owner';
/** A contact's language and tags: owner and agent (the server's ManageOrders policy). */
export const canEditContacts = (role: string | undefined) => role === undefined || role === 'owner' || role === 'agent';
/** Conversations and hand-overs: owner and agent (a marketer is not paged about chats). */
export const canHandleChats = (role: string | undefined) => role === undefined || role === 'owner' || role === 'agent';
export const canManageFlows = (role: string | undefined) => role === undefined || role === 'owner' || role === 'marketer';

/** The signed-in user (null when the server has no auth: everything is shown and the server answers). */
export const UserContext = createContext<CurrentUser | null>(null);
export const useRole = () => useContext(UserContext)?.role;
