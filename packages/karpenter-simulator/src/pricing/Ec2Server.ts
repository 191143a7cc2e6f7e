import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import {
  LoopbackServer,
  PricingRequest,
  PricingServerOptions,
  signedRegion,
} from './loopbackServer';
import { page } from './paging';
import {
  SPOT_FILTERS,
  SpotPriceItem,
  SpotQuery,
  spotPrices,
} from './spotHistory';
import { element, textElement, xmlDocument } from './xml';

/** EC2's errors (query protocol: `<Response><Errors><Error><Code>`). */
const ERRORS = {
  AccessDenied: {
    status: 403,
    code: 'UnauthorizedOperation',
    message: 'You are not authorized to perform this operation.',
  },
  Throttling: {
    status: 503,
    code: 'RequestLimitExceeded',
    message: 'Request limit exceeded.',
  },
  Unavailable: {
    status: 503,
    code: 'Unavailable',
    message: 'The server is overloaded and cannot handle the request.',
  },
  InvalidAction: {
    status: 400,
    code: 'InvalidAction',
    message: 'The action is not valid for this web service.',
  },
  InvalidParameterValue: {
    status: 400,
    code: 'InvalidParameterValue',
    message: 'Invalid parameter value',
  },
  InvalidPaginationToken: {
    status: 400,
    code: 'InvalidPaginationToken',
    message: 'The specified pagination token is not valid or is expired.',
  },
  DryRunOperation: {
    status: 412,
    code: 'DryRunOperation',
    message: 'Request would have succeeded, but DryRun flag is set.',
  },
  InternalError: {
    status: 500,
    code: 'InternalError',
    message: 'An internal error has occurred.',
  },
} as const;

type ErrorCode = keyof typeof ERRORS;

const NAMESPACE = 'http://ec2.amazonaws.com/doc/2016-11-15/';

/** The members `Name.1`, `Name.2`, … of a query-protocol list, in order. */
function listOf(form: URLSearchParams, prefix: string): string[] {
  const entries: Array<[number, string]> = [];
  const pattern = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)$`);
  for (const [key, value] of form) {
    const index = key.match(pattern)?.[1];
    if (index !== undefined) entries.push([Number(index), value]);
  }
  return entries.sort((a, b) => a[0] - b[0]).map(([, value]) => value);
}

/** `Filter.N.Name` / `Filter.N.Value.M`, or the message for an unknown filter name. */
function filtersOf(form: URLSearchParams): SpotQuery['filters'] | string {
  const filters: SpotQuery['filters'] = [];
  for (const [key, name] of form) {
    const n = key.match(/^Filter\.(\d+)\.Name$/)?.[1];
    if (n === undefined) continue;
    if (!(name in SPOT_FILTERS)) return `The filter '${name}' is invalid`;
    filters.push({ name, values: listOf(form, `Filter.${n}.Value`) });
  }
  return filters;
}

/**
 * EC2 DescribeSpotPriceHistory (`ec2:DescribeSpotPriceHistory`) over the EC2 query protocol, as
 * `@aws-sdk/client-ec2` and Karpenter speak it: `POST /` with a form body
 * `Action=DescribeSpotPriceHistory&Version=2016-11-15&InstanceType.1=…&ProductDescription.1=
 * Linux%2FUNIX&AvailabilityZone=…&StartTime=…&MaxResults=…&NextToken=…`, answered with a
 * `DescribeSpotPriceHistoryResponse` XML document, at most `MaxResults` (default 1000) items a
 * page. The zones are those of the region the request is signed for (SigV4 credential scope).
 *
 * Karpenter (aws/karpenter-provider-aws `pkg/providers/pricing/pricing.go`) pages through it
 * every 12 h with ProductDescriptions `Linux/UNIX` and `Linux/UNIX (Amazon VPC)`, StartTime now
 * and MaxResults 2000, keeping the latest price per instance type and zone.
 */
export class Ec2Server extends LoopbackServer {
  constructor(options: PricingServerOptions) {
    super('ec2', options);
  }

  private error(res: ServerResponse, code: ErrorCode, message?: string) {
    const e = ERRORS[code];
    const requestId = randomUUID();
    res.writeHead(e.status, {
      'Content-Type': 'text/xml;charset=UTF-8',
      'x-amzn-RequestId': requestId,
    });
    res.end(
      xmlDocument(
        element('Response', [
          element('Errors', [
            element('Error', [
              textElement('Code', e.code),
              textElement('Message', message ?? e.message),
            ]),
          ]),
          textElement('RequestID', requestId),
        ]),
      ),
    );
  }

  protected internalError(res: ServerResponse, message: string) {
    this.error(res, 'InternalError', message);
  }

  protected handle({ req, body, fault }: PricingRequest, res: ServerResponse) {
    const form = new URLSearchParams(body);
    const action = form.get('Action') ?? '';
    this.log(req, res, action);
    if (fault?.pricingError) return this.error(res, fault.pricingError);
    if (req.method !== 'POST' || action !== 'DescribeSpotPriceHistory')
      return this.error(
        res,
        'InvalidAction',
        `The action ${action} is not valid for this web service.`,
      );
    if (form.get('DryRun') === 'true')
      return this.error(res, 'DryRunOperation');

    const prices = this.options.prices;
    const region = signedRegion(req);
    const zones =
      region === undefined
        ? prices.regions.flatMap(r => prices.zonesOf(r))
        : prices.zonesOf(region);
    const availabilityZone = form.get('AvailabilityZone') ?? undefined;
    if (availabilityZone !== undefined && !zones.includes(availabilityZone))
      return this.error(
        res,
        'InvalidParameterValue',
        `Invalid availability zone: [${availabilityZone}]`,
      );
    const maxText = form.get('MaxResults');
    const maxResults = maxText === null ? 1000 : Number(maxText);
    if (!Number.isInteger(maxResults) || maxResults < 1)
      return this.error(
        res,
        'InvalidParameterValue',
        `Value (${maxText}) for parameter maxResults is invalid.`,
      );
    const filters = filtersOf(form);
    if (typeof filters === 'string')
      return this.error(res, 'InvalidParameterValue', filters);
    const query: SpotQuery = {
      zones,
      instanceTypes: listOf(form, 'InstanceType'),
      productDescriptions: listOf(form, 'ProductDescription'),
      availabilityZone,
      filters,
    };
    const items = spotPrices(prices, query, this.options.pricesSince());
    const result = page(
      items,
      JSON.stringify([region, query]),
      maxResults,
      form.get('NextToken') || undefined,
    );
    if (!result) return this.error(res, 'InvalidPaginationToken');

    res.writeHead(200, {
      'Content-Type': 'text/xml;charset=UTF-8',
      'x-amzn-RequestId': randomUUID(),
    });
    return res.end(
      xmlDocument(
        element(
          'DescribeSpotPriceHistoryResponse',
          [
            textElement('requestId', randomUUID()),
            element('spotPriceHistorySet', result.items.map(itemXml)),
            ...(result.nextToken
              ? [textElement('nextToken', result.nextToken)]
              : []),
          ],
          { xmlns: NAMESPACE },
        ),
      ),
    );
  }
}

function itemXml(item: SpotPriceItem): string {
  return element('item', [
    textElement('availabilityZone', item.availabilityZone),
    textElement('instanceType', item.instanceType),
    textElement('productDescription', item.productDescription),
    textElement('spotPrice', item.spotPrice),
    textElement('timestamp', item.timestamp),
  ]);
}
