import type { GraphNames } from '../../../main/core/schema/schema-mapping';

/** What discovery finds in a database holding the demo schema. */
export const demoNames: GraphNames = {
  labels: ['User', 'Device', 'Phone', 'IPAddress', 'BankCard', 'Address', 'Email', 'Merchant'],
  relationshipTypes: ['USES_DEVICE', 'HAS_PHONE', 'USES_IP', 'HAS_CARD', 'LIVES_AT', 'HAS_EMAIL', 'TRANSFERRED_TO', 'PAID'],
  nodeProperties: {
    User: ['blacklisted', 'createdAt', 'riskScore', 'userId'],
    Device: ['deviceId'],
    Phone: ['phoneNumber'],
    IPAddress: ['ipAddress'],
    BankCard: ['cardNumber'],
    Address: ['address'],
    Email: ['email'],
    Merchant: ['category', 'merchantId', 'name'],
  },
  relationshipProperties: { TRANSFERRED_TO: ['amount', 'at'], PAID: ['amount', 'at'] },
};
