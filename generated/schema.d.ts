export interface paths {
    "/v1.0/apigw/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an APP (shared gateway)
         * @description Creates an APP on the shared gateway (共享版). Source page: 创建APP, shared gateway,
         *     `POST /v1.0/apigw/apps`.
         */
        post: operations["createAppOnSharedGateway"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/{project_id}/apigw/instances/{instance_id}/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an APP (dedicated gateway)
         * @description Creates an APP on a dedicated gateway instance (专享版). Source page: 创建APP,
         *     dedicated gateway, `POST /v1/{project_id}/apigw/instances/{instance_id}/apps`.
         */
        post: operations["createAppOnDedicatedGateway"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description The APP to create (请求消息).
         * @example {
         *       "name": "app_001",
         *       "remark": "first app",
         *       "app_key": "app_key_sample",
         *       "app_secret": "app_secret_sample"
         *     }
         */
        CreateAppRequest: {
            /**
             * @description Name of the APP. Required. Chinese characters (汉字, U+4E00 to U+9FA5), English
             *     letters, digits and underscores (`_`); it must start with an English letter or a
             *     汉字; 3 to 64 characters (counted as characters, not bytes). Chinese text must be UTF-8.
             *     Valid: `app_001`, `测试应用_01`. Invalid: `1app` (starts with a digit), `ab` (2 characters).
             *
             *     Source: “APP的名称。支持汉字，英文，数字，“\_”，且只能以英文和汉字开头，3 ~ 64个字符。” “中文字符必须为UTF-8或者unicode编码。”
             * @example app_001
             * @example 测试应用_01
             */
            name: string;
            /**
             * @description Description of the APP. Optional. At most 255 characters (counted as characters,
             *     not bytes); any characters. Chinese text must be UTF-8.
             *     Valid: `first app`, `第一个应用`. Invalid: a text of 256 characters.
             *
             *     Source: “APP描述。字符长度不能大于255” “中文字符必须为UTF-8或者unicode编码。”
             * @example first app
             * @example 第一个应用
             */
            remark?: string;
            /**
             * @description The APP's key (AppKey). Optional; when omitted the gateway generates one. English
             *     letters, digits, underscores (`_`) and hyphens (`-`); it must start with an English
             *     letter or a digit; 8 to 64 characters. Only some regions accept a custom key.
             *     Valid: `app_key_sample`, `partner-app-key-2024`. Invalid: `_app_key` (starts with `_`), `key.with.dots` (`.` not allowed).
             *
             *     Source: “APP的key。支持英文，数字，“\_”,“-”,且只能以英文或数字开头，8 ~ 64个字符。” “只支持部分region自定义。”
             * @example app_key_sample
             */
            app_key?: string;
            /**
             * @description The APP's secret (AppSecret). Optional; when omitted the gateway generates one.
             *     A secret: never log it. English letters, digits and `_ - ! @ # $ %`; it must start
             *     with an English letter or a digit; 8 to 64 characters. Only some regions accept a
             *     custom secret. Valid: `app_secret_sample`, `Secret_2024!@#$%-`. Invalid: `!secret1`
             *     (starts with `!`), `secret^1` (`^` not allowed).
             *
             *     Source: “密钥。支持英文，数字，“\_”,“-”,“\_”,“!”,“@”,“#”,“$”,“%”,且只能以英文或数字开头，8 ~ 64个字符。” “只支持部分region自定义。”
             * @example app_secret_sample
             */
            app_secret?: string;
        };
        /** @description The created APP (响应消息). All ten fields are present. */
        App: {
            /**
             * @description ID of the APP. Source “编号”.
             * @example 14b399ac-967f-4115-bb62-c0346b4537e9
             */
            id: string;
            /**
             * @description Name of the APP, as sent. Source “名称”.
             * @example app_001
             */
            name: string;
            /**
             * @description Status of the APP: `1` means valid (有效). Older object-model pages of the same
             *     service also list `2` (disabled) and `3` (deleted); a new APP is `1`. Source “状态”.
             * @example 1
             */
            status: number;
            /**
             * @description The APP's key (AppKey), given or generated. Source “APP的key”.
             * @example d49b1cbf-cc81-4a5f-b2a0-61b568e376eb
             */
            app_key: string;
            /**
             * @description The APP's secret (AppSecret). A secret: store it safely and never log it. The
             *     source page's example shows it redacted as `******`; the real call returns the
             *     secret. Source “密钥”.
             * @example ******
             */
            app_secret: string;
            /**
             * @description Who created the APP: `USER` means created by the user (用户自行创建); `MARKET` means
             *     allocated by the cloud marketplace (云市场分配). Source “APP的创建者”.
             * @enum {string}
             */
            creator: "USER" | "MARKET";
            /**
             * Format: date-time
             * @description When the APP was registered (注册时间), an RFC 3339 UTC timestamp; the fraction may have up to 7 digits.
             * @example 2017-12-28T12:26:54.2345858Z
             */
            register_time: string;
            /**
             * Format: date-time
             * @description When the APP was last updated (更新时间), an RFC 3339 UTC timestamp; the fraction may have up to 7 digits.
             * @example 2017-12-28T12:26:54.2345858Z
             */
            update_time: string;
            /**
             * @description Description of the APP (描述), as sent; empty when none was given.
             * @example 第一个应用
             */
            remark: string;
            /**
             * @description Type of the APP (APP类型); `apig` by default (默认为apig).
             * @default apig
             * @example apig
             */
            app_type: string;
        };
        /** @description The Huawei error body. */
        Error: {
            /**
             * @description Error code, `APIG.` and four digits, for example `APIG.2011`.
             * @example APIG.2011
             */
            error_code: string;
            /**
             * @description Error message in English; for a rule violation it names the field as `parameterName:<field>`.
             * @example Invalid parameter value,parameterName:name. Please refer to the support documentation
             */
            error_msg: string;
            /**
             * @description Request id; gateway-layer errors (codes APIG.0xxx) may carry it in the body too.
             * @example 0b3cd4f8a2c4e1d2f6b7a8c9d0e1f2a3
             */
            request_id?: string;
        };
    };
    responses: {
        /** @description Created. The APP was created; the body describes it. */
        AppCreated: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["App"];
            };
        };
        /** @description Bad Request. The body is not valid JSON, a required field is missing, or a value breaks its rule. */
        BadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Unauthorized. The credential is missing, expired or wrong. */
        Unauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Forbidden. The caller may not create APPs here, or has reached the APP quota. */
        Forbidden: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Server Internal Error. */
        ServerError: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /**
         * @description Project ID. Get the project ID of the region from “我的凭证” (My Credentials) in the
         *     console; querying it needs administrator permission.
         *
         *     Source: “项目ID。可从控制台“我的凭证”中获取region下项目ID，管理员权限可查询。”
         * @example 77b6a44cba5143ab91d13ab9a8ff44fd
         */
        ProjectId: string;
        /**
         * @description Instance ID. Get it from the dedicated instance's information in the API Gateway
         *     console.
         *
         *     Source: “实例ID，可从API网关控制台的专享版实例信息中获取。”
         * @example eddc4d25480b4cd6b512f270a1b8b341
         */
        InstanceId: string;
    };
    requestBodies: {
        /** @description The APP to create. JSON in UTF-8. */
        CreateApp: {
            content: {
                "application/json": components["schemas"]["CreateAppRequest"];
            };
        };
    };
    headers: {
        /**
         * @description Unique id of this request, as assigned by the gateway. Quote it when you contact support.
         * @example 0b3cd4f8a2c4e1d2f6b7a8c9d0e1f2a3
         */
        XRequestId: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createAppOnSharedGateway: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CreateApp"];
        responses: {
            201: components["responses"]["AppCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["ServerError"];
        };
    };
    createAppOnDedicatedGateway: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project ID. Get the project ID of the region from “我的凭证” (My Credentials) in the
                 *     console; querying it needs administrator permission.
                 *
                 *     Source: “项目ID。可从控制台“我的凭证”中获取region下项目ID，管理员权限可查询。”
                 * @example 77b6a44cba5143ab91d13ab9a8ff44fd
                 */
                project_id: components["parameters"]["ProjectId"];
                /**
                 * @description Instance ID. Get it from the dedicated instance's information in the API Gateway
                 *     console.
                 *
                 *     Source: “实例ID，可从API网关控制台的专享版实例信息中获取。”
                 * @example eddc4d25480b4cd6b512f270a1b8b341
                 */
                instance_id: components["parameters"]["InstanceId"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CreateApp"];
        responses: {
            201: components["responses"]["AppCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["ServerError"];
        };
    };
}
