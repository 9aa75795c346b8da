// The example of docs/api.md ("A TypeScript client"), compiled with the generated client by compile.sh
// (copied beside its index.ts), so the names the guide shows are the names the client has.
import { AuthApi, Configuration, JobsApi, JobPayAmountCurrencyEnum, ResponseError } from './index';
import type { ProblemDetails } from './index';

export async function postAShift(email: string, password: string): Promise<string> {
    const basePath = 'https://api.gigstream.example';
    const tokens = await new AuthApi(new Configuration({ basePath }))
        .logIn({ logInRequest: { email, password } });
    const jobs = new JobsApi(new Configuration({ basePath, accessToken: tokens.accessToken }));
    try {
        const posted = await jobs.postJob({
            idempotencyKey: crypto.randomUUID(),
            postJobRequest: {
                title: 'Barista for a launch', requiredSkills: ['barista'],
                location: { lat: 6.4541, lng: 3.3947, address: '1 Marina, Lagos' },
                shift: { start: new Date('2026-12-05T08:00:00Z'), end: new Date('2026-12-05T16:00:00Z') },
                pay: { amount: 1500000, currency: JobPayAmountCurrencyEnum.Ngn },
            },
        });
        return posted.jobId;
    } catch (e) {
        if (e instanceof ResponseError) {
            const problem: ProblemDetails = await e.response.json();
            throw new Error(`${problem.code}: ${problem.detail ?? problem.title}`);
        }
        throw e;
    }
}
