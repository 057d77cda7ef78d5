import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client";
import { possibleTypes } from "@tradegraph/sdk";
import { API_URL } from "./config";

/** Apollo Client for the app: POSTs of the SDK's typed documents to API_URL, cached by the schema's types. */
export const apollo = new ApolloClient({
  link: new HttpLink({ uri: API_URL }),
  cache: new InMemoryCache({ possibleTypes }),
});
