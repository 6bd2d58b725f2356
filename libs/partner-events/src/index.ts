/**
 * @samabay/partner-events: pseudonymised public events for partner NGOs (DESIGN §6, issue 6 item 5):
 * topics `samabay.public-<partner>.<name>.v1`, keyed-HMAC member pseudonyms per partner, months instead
 * of days, categories instead of free text; JSON Schemas in ../schemas, AsyncAPI in ../asyncapi.json.
 */
export { PUBLIC_EVENT_NAMES, PUBLIC_SCHEMA_VERSION, assertPartnerId, publicTopic, publicTopicsOf, type PublicEventName } from './public-event-names';
export { MIN_PARTNER_KEY_BYTES, partnerKey, pseudonymousMemberId, publicEventId, type PartnerKey } from './partner-key';
export type { LoanFacts, PublicFact } from './public-facts';
export { loanFactsOf, monthOf, toPublicFact } from './map-internal-event';
export { assertSupportedSchema, validate, type JsonSchema } from './json-schema';
export { breakingChanges } from './schema-compatibility';
export { SCHEMAS_DIR, loadPublicSchemas, loadSchemaFile, schemaFileName, validatePublicMessage } from './public-schemas';
export { PublicMessageInvalidError, publicBody, publicMessage } from './public-message';
export { PartnerEventPublisher, type PartnerEventPublisherOptions } from './partner-publisher';
export { parsePartnerKeys } from './partner-keys-config';
