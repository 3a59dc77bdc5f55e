export declare const SPEC_URL: URL;
export declare const OUTPUT_URL: URL;
export declare function generateSchema(spec?: URL): Promise<string>;
