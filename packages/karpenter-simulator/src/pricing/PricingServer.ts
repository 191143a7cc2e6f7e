import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { isJsonObject } from '../model/json';
import {
  LoopbackServer,
  PricingRequest,
  PricingServerOptions,
} from './loopbackServer';
import { page } from './paging';
import { matches, parseFilters } from './productFilters';
import { Product, productDocument, productsOf } from './products';

/** The Price List API's errors (AWS JSON 1.1: `__type` and `x-amzn-ErrorType`). */
const ERRORS = {
  AccessDenied: {
    status: 400,
    type: 'AccessDeniedException',
    message:
      'User: arn:aws:sts::000000000000:assumed-role/backstage/karpenter is not authorized to perform: pricing:GetProducts because no identity-based policy allows the pricing:GetProducts action',
  },
  Throttling: {
    status: 400,
    type: 'ThrottlingException',
    message: 'Rate exceeded',
  },
  Unavailable: {
    status: 503,
    type: 'ServiceUnavailableException',
    message: 'Service Unavailable',
  },
  UnknownOperation: {
    status: 400,
    type: 'UnknownOperationException',
    message: undefined,
  },
  Serialization: {
    status: 400,
    type: 'SerializationException',
    message: 'Unable to parse the request body as JSON',
  },
  InvalidParameter: {
    status: 400,
    type: 'InvalidParameterException',
    message: 'Invalid parameter',
  },
  Validation: {
    status: 400,
    type: 'ValidationException',
    message: 'Invalid request',
  },
  InvalidNextToken: {
    status: 400,
    type: 'InvalidNextTokenException',
    message:
      'The pagination token is invalid. Try again without a pagination token.',
  },
  InternalError: {
    status: 500,
    type: 'InternalErrorException',
    message: 'An error on the server occurred',
  },
} as const;

type ErrorCode = keyof typeof ERRORS;

const TARGET_PREFIX = 'AWSPriceListService.';

/**
 * The AWS Price List API (`pricing:GetProducts`) over AWS JSON 1.1, as `@aws-sdk/client-pricing`
 * and Karpenter speak it: `POST /`, `X-Amz-Target: AWSPriceListService.GetProducts`, a body
 * `{ServiceCode: 'AmazonEC2', Filters: [{Type: 'TERM_MATCH', Field, Value}], FormatVersion,
 * MaxResults, NextToken}`; the answer's `PriceList` holds one JSON string per product
 * (`products.ts`), at most `MaxResults` (1–100, default 100) a page.
 *
 * Karpenter (aws/karpenter-provider-aws `pkg/providers/pricing/pricing.go`) pages through
 * GetProducts every 12 h with TERM_MATCH filters regionCode, serviceCode=AmazonEC2,
 * preInstalledSw=NA, operatingSystem=Linux, capacitystatus=Used, marketoption=OnDemand,
 * tenancy=Shared and productFamily=Compute Instance, and reads
 * `product.attributes.instanceType` and `terms.OnDemand.*.priceDimensions.*.pricePerUnit.USD`.
 * AWS serves the API only in us-east-1, eu-central-1, ap-south-1 (and cn-northwest-1), each
 * with every region's products: the simulator has one endpoint.
 */
export class PricingServer extends LoopbackServer {
  private products?: Product[];
  private readonly documents = new Map<Product, string>();

  constructor(options: PricingServerOptions) {
    super('pricing', options);
  }

  private error(res: ServerResponse, code: ErrorCode, message?: string) {
    const e = ERRORS[code];
    const text = message ?? e.message;
    res.writeHead(e.status, {
      'Content-Type': 'application/x-amz-json-1.1',
      'x-amzn-ErrorType': e.type,
      'x-amzn-RequestId': randomUUID(),
    });
    res.end(
      JSON.stringify(
        text === undefined
          ? { __type: e.type }
          : { __type: e.type, Message: text },
      ),
    );
  }

  protected internalError(res: ServerResponse, message: string) {
    this.error(res, 'InternalError', message);
  }

  private document(product: Product): string {
    let doc = this.documents.get(product);
    if (doc === undefined) {
      doc = productDocument(product, this.options.pricesSince());
      this.documents.set(product, doc);
    }
    return doc;
  }

  protected handle({ req, body, fault }: PricingRequest, res: ServerResponse) {
    const target = String(req.headers['x-amz-target'] ?? '');
    const action = target.startsWith(TARGET_PREFIX)
      ? target.slice(TARGET_PREFIX.length)
      : target;
    this.log(req, res, action);
    if (fault?.pricingError) return this.error(res, fault.pricingError);
    if (req.method !== 'POST' || action !== 'GetProducts')
      return this.error(res, 'UnknownOperation');

    let input: unknown;
    try {
      input = body ? JSON.parse(body) : {};
    } catch {
      return this.error(res, 'Serialization');
    }
    if (!isJsonObject(input) || Array.isArray(input))
      return this.error(res, 'Serialization');
    const { ServiceCode, FormatVersion, MaxResults, NextToken } = input;
    if (typeof ServiceCode !== 'string' || !ServiceCode)
      return this.error(res, 'InvalidParameter', 'ServiceCode is required');
    if (FormatVersion !== undefined && FormatVersion !== 'aws_v1')
      return this.error(
        res,
        'InvalidParameter',
        `FormatVersion: unsupported '${String(FormatVersion)}' (only aws_v1)`,
      );
    const maxResults = MaxResults === undefined ? 100 : MaxResults;
    if (
      typeof maxResults !== 'number' ||
      !Number.isInteger(maxResults) ||
      maxResults < 1 ||
      maxResults > 100
    )
      return this.error(
        res,
        'Validation',
        `1 validation error detected: Value '${String(
          MaxResults,
        )}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 100`,
      );
    if (NextToken !== undefined && typeof NextToken !== 'string')
      return this.error(res, 'InvalidNextToken');
    const filters = parseFilters(input.Filters);
    if (typeof filters === 'string')
      return this.error(res, 'InvalidParameter', filters);

    // only EC2 has products here
    this.products ??= productsOf(this.options.prices);
    const found =
      ServiceCode === 'AmazonEC2'
        ? this.products.filter(p => matches(p, filters))
        : [];
    const query = JSON.stringify([ServiceCode, filters]);
    const result = page(found, query, maxResults, NextToken);
    if (!result) return this.error(res, 'InvalidNextToken');
    res.writeHead(200, {
      'Content-Type': 'application/x-amz-json-1.1',
      'x-amzn-RequestId': randomUUID(),
    });
    return res.end(
      JSON.stringify({
        FormatVersion: 'aws_v1',
        PriceList: result.items.map(p => this.document(p)),
        ...(result.nextToken ? { NextToken: result.nextToken } : {}),
      }),
    );
  }
}
